using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure;
using Will.Marketplace.Optimisation;

namespace Will.Marketplace.Grains.Tests;

/// <summary>Each test silo as the web host builds it, with a recording observer in place of the SignalR one.</summary>
public sealed class MarketplaceSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddMarketplaceInfrastructure();
        siloBuilder.Services.AddMarketplaceGrainServices();
        siloBuilder.Services.AddMarketplaceReminders();
        siloBuilder.Services.AddSingleton<ISetPackingSolver, CpSatSetPackingSolver>();
        siloBuilder.Services.AddSingleton<RecordingPushObserver>();
        siloBuilder.Services.AddSingleton<IPushObserver>(sp => sp.GetRequiredService<RecordingPushObserver>());
    }
}
