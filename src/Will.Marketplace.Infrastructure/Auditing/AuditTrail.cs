using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Auditing;

/// <summary>What happened, to whose data, in which municipality; the actor and address come from the request.</summary>
public sealed record AuditEvent(string Action, string Resource, string? ResourceId = null, Guid? SubjectId = null, string? MunicipalityCode = null);

public sealed record AuditActor(Guid? Id, IReadOnlyList<string> Roles, string? IpAddress, Guid? OnBehalfOfId = null);

/// <summary>Appends to the audit log at once, in its own transaction, so a failed operation is still on record.</summary>
public sealed class AuditTrail(IDbContextFactory<MarketplaceDbContext> contexts, TimeProvider time)
{
    public async Task RecordAsync(AuditActor actor, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntryRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            At = time.GetUtcNow(),
            ActorId = actor.Id,
            ActorRoles = string.Join(',', actor.Roles),
            OnBehalfOfId = actor.OnBehalfOfId,
            Action = audit.Action,
            Resource = audit.Resource,
            ResourceId = audit.ResourceId is { Length: > 256 } id ? id[..256] : audit.ResourceId,
            SubjectId = audit.SubjectId,
            MunicipalityCode = audit.MunicipalityCode,
            IpAddress = actor.IpAddress,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
