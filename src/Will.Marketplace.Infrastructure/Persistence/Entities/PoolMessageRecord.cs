namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>A message one family of a pool wrote to the others.</summary>
public sealed class PoolMessageRecord
{
    /// <summary>The longest message a family may write (characters).</summary>
    public const int MaxTextLength = 1000;

    public Guid Id { get; set; }

    public Guid PoolId { get; set; }

    /// <summary>The family that wrote it (its user id); erased with the family's data.</summary>
    public Guid FamilyId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>When another family of the pool first reported it to the municipality's staff, and which.</summary>
    public DateTimeOffset? ReportedAt { get; set; }

    public Guid? ReportedBy { get; set; }

    /// <summary>When staff hid it from the pool (its text is no longer shown), and who.</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    public Guid? HiddenBy { get; set; }
}
