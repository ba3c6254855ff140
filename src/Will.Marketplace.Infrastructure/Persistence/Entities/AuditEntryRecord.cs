namespace Will.Marketplace.Infrastructure.Persistence.Entities;

/// <summary>
/// One line of the append-only audit log: who did what to whose record, when and from where.
/// Rows are only ever inserted; nothing in the product updates or deletes them.
/// </summary>
public sealed class AuditEntryRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in user, or null for anonymous attempts.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>Comma-separated roles of the actor at that moment.</summary>
    public string ActorRoles { get; set; } = "";

    /// <summary>"sign-in", "sign-in-failed", "sign-out", "read", "create", "denied".</summary>
    public required string Action { get; set; }

    /// <summary>"account", "request", "pool", or the endpoint for denials.</summary>
    public required string Resource { get; set; }

    public string? ResourceId { get; set; }

    /// <summary>Help-desk mode: the person the actor (municipal staff) acted for.</summary>
    public Guid? OnBehalfOfId { get; set; }

    /// <summary>The person whose data it is, when there is one.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>The tenant the record belongs to: staff see their municipality's entries.</summary>
    public string? MunicipalityCode { get; set; }

    public string? IpAddress { get; set; }
}
