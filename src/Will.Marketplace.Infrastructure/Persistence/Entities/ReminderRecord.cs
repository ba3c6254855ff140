namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>One Orleans reminder (a durable deadline), in the marketplace's own database.</summary>
public sealed class ReminderRecord
{
    public required string ServiceId { get; set; }

    public required string GrainId { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset StartAt { get; set; }

    public long PeriodTicks { get; set; }

    /// <summary>The grain's uniform hash (a uint), for the silo ring ranges that read reminders.</summary>
    public long GrainHash { get; set; }

    public Guid ETag { get; set; }
}
