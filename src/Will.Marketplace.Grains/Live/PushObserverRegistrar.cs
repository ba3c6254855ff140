using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Grains.Live;

/// <summary>
/// Registers this silo's push observer when the silo becomes active, then again periodically so
/// the registry grain recovers its list if it is reactivated elsewhere.
/// </summary>
public sealed class PushObserverRegistrar(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IPushObserver localObserver,
    TimeProvider time,
    ILogger<PushObserverRegistrar> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();
    private IPushObserver? _reference;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PushObserverRegistrar), ServiceLifecycleStage.Active, OnStart, OnStop);

    public void Dispose() => _stopping.Dispose();

    private async Task OnStart(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<IPushObserver>(localObserver);
        await Register();
        _ = KeepRegistered();
    }

    private Task OnStop(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        if (_reference is not null)
        {
            grains.DeleteObjectReference<IPushObserver>(_reference);
        }

        return Task.CompletedTask;
    }

    private Task Register() => grains.GetGrain<IPushRegistryGrain>(0).Register(silo.SiloAddress, _reference!);

    private async Task KeepRegistered()
    {
        using var timer = new PeriodicTimer(RefreshEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await Register();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not refresh this silo's push registration");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // silo stopping
        }
    }
}
