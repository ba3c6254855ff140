namespace Will.Marketplace.Infrastructure.Persistence.Entities;

public sealed class PoolRecord
{
    public Guid Id { get; set; }

    public required string MunicipalityCode { get; set; }

    public required string CategoryCode { get; set; }

    public required string Status { get; set; }

    public int Capacity { get; set; }

    public int Quorum { get; set; }

    public int MemberCount { get; set; }

    /// <summary>The pool's schedule envelope in storage form, kept for listings.</summary>
    public string Schedule { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? BiddingClosesAt { get; set; }

    public DateTimeOffset? QuorumReachedAt { get; set; }

    public bool BiddingExtended { get; set; }

    /// <summary>Optimistic-concurrency token, the pool's count of saved changes.</summary>
    public long Version { get; set; }

    public List<PoolMembershipRecord> Members { get; set; } = [];
}

public sealed class PoolMembershipRecord
{
    public Guid PoolId { get; set; }

    public Guid RequestId { get; set; }

    public Guid FamilyId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>When the family confirmed the award of the pool.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    public RequestRecord Request { get; set; } = null!;
}
