namespace Will.Marketplace.Infrastructure.Persistence.Entities;

public sealed class RequestRecord
{
    public Guid Id { get; set; }

    public Guid FamilyId { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string CategoryCode { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>WeeklySchedule storage form: "mon 15:00-18:00;wed 15:00-18:00".</summary>
    public required string Schedule { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>JSON object of string attributes.</summary>
    public string Attributes { get; set; } = "{}";

    public long? MaxPricePerHourCents { get; set; }

    public required string Status { get; set; }

    public Guid? PoolId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
