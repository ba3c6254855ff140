namespace Will.Marketplace.Infrastructure.Persistence.Entities;

public sealed class MunicipalityRecord
{
    /// <summary>ISTAT code, e.g. 016024 for Bergamo.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Region { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }
}
