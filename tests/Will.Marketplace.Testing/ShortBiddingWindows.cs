using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Testing;

/// <summary>
/// Category settings as stored, except that a test may shorten the bidding window of one
/// municipality × category to seconds, so a real deadline (an Orleans reminder) comes within the test.
/// </summary>
public sealed class ShortBiddingWindows(ICategoryCatalog stored) : ICategoryCatalog
{
    private static readonly ConcurrentDictionary<(string, string), TimeSpan> Windows = new();

    /// <summary>Wraps the catalog already registered.</summary>
    public static void Install(IServiceCollection services)
    {
        var stored = services.Last(d => d.ServiceType == typeof(ICategoryCatalog));
        services.Remove(stored);
        services.AddSingleton<ICategoryCatalog>(sp => new ShortBiddingWindows((ICategoryCatalog)ActivatorUtilities.CreateInstance(sp, stored.ImplementationType!)));
    }

    public static void Set(string municipalityCode, string categoryCode, TimeSpan window) => Windows[(municipalityCode, categoryCode)] = window;

    public async Task<ServiceCategory?> FindAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default)
    {
        var category = await stored.FindAsync(municipalityCode, categoryCode, cancellationToken);
        return category is not null && Windows.TryGetValue((municipalityCode, categoryCode), out var window)
            ? category with { BiddingWindow = window }
            : category;
    }
}
