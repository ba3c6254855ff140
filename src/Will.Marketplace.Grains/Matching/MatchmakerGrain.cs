using Microsoft.Extensions.Logging;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Grains.Matching;

/// <summary>
/// Places requests for one municipality × category. It keeps a copy of the joinable pools so a
/// placement costs no database read; the pool grains own the truth and may still say no, in which
/// case the copy is refreshed and the next best pool is tried.
/// </summary>
public sealed class MatchmakerGrain(
    ICategoryCatalog catalog,
    IDemandPoolStore store,
    TimeProvider time,
    ILogger<MatchmakerGrain> logger) : Grain, IMatchmakerGrain
{
    private const int MaxAttempts = 5;
    private readonly Dictionary<Guid, DemandPool> _joinable = [];
    private ServiceCategory _category = null!;
    private string _municipalityCode = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString().Split('/', 2);
        if (key.Length != 2)
        {
            throw new InvalidOperationException($"Matchmaker key '{this.GetPrimaryKeyString()}' is not municipality/category.");
        }

        _municipalityCode = key[0];
        _category = await catalog.FindAsync(key[0], key[1], cancellationToken)
            ?? throw new InvalidOperationException($"Unknown category '{key[1]}' in municipality '{key[0]}'.");
        foreach (var pool in await store.ListJoinableAsync(_municipalityCode, _category.Code, cancellationToken))
        {
            _joinable[pool.Id] = pool;
        }
    }

    public async Task<PlacementOutcome> Place(PlaceRequestCommand command)
    {
        if (command.MunicipalityCode != _municipalityCode || command.CategoryCode != _category.Code)
        {
            throw new ArgumentException("The request belongs to another matchmaker.", nameof(command));
        }

        var member = PoolMember.From(command.ToDomain(), time.GetUtcNow());
        var tried = new HashSet<Guid>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var best = Placement.ChooseBest(_category, member, _joinable.Values.Where(p => !tried.Contains(p.Id)));
            if (best is null)
            {
                break;
            }

            tried.Add(best.Id);
            var outcome = await GrainFactory.GetGrain<IDemandPoolGrain>(best.Id).Join(command);
            if (outcome.Joined)
            {
                best.Join(_category, member, time.GetUtcNow());
                ForgetIfFull(best);
                return new PlacementOutcome(command.RequestId, outcome.Pool!, StartedNewPool: false);
            }

            logger.LogInformation("Pool {PoolId} refused request {RequestId}: {Reason}", best.Id, command.RequestId, outcome.RefusedBecause);
            await Refresh(best.Id);
        }

        return await StartNewPool(command);
    }

    public async Task<LeaveResult> Withdraw(Guid poolId, Guid requestId, Guid familyId)
    {
        var result = await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).Leave(requestId, familyId);
        if (result.Left)
        {
            await Refresh(poolId);
        }

        return result;
    }

    private async Task<PlacementOutcome> StartNewPool(PlaceRequestCommand command)
    {
        var poolId = Guid.CreateVersion7(time.GetUtcNow());
        var outcome = await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).Start(command);
        if (!outcome.Joined)
        {
            throw new InvalidOperationException($"New pool {poolId} refused its first member: {outcome.RefusedBecause}.");
        }

        await Refresh(poolId);
        return new PlacementOutcome(command.RequestId, outcome.Pool!, StartedNewPool: true);
    }

    private async Task Refresh(Guid poolId)
    {
        var pool = await store.FindAsync(poolId);
        if (pool is { IsJoinable: true })
        {
            _joinable[poolId] = pool;
        }
        else
        {
            _joinable.Remove(poolId);
        }
    }

    private void ForgetIfFull(DemandPool pool)
    {
        if (!pool.IsJoinable)
        {
            _joinable.Remove(pool.Id);
        }
    }
}
