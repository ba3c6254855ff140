using Will.Marketplace.Domain.Catalog;

namespace Will.Marketplace.Domain.Ports;

/// <summary>Service categories with their pooling settings, as set for a municipality.</summary>
public interface ICategoryCatalog
{
    Task<ServiceCategory?> FindAsync(string municipalityCode, string categoryCode, CancellationToken cancellationToken = default);
}
