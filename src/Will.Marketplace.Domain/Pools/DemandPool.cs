using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Pools;

/// <summary>Compatible requests grouped for one service; never more members than its capacity.</summary>
public sealed class DemandPool
{
    private readonly List<PoolMember> _members;

    /// <summary>The envelope of the current members, worked out once per change of membership.</summary>
    private (PoolingMode Mode, WeeklySchedule Envelope)? _envelope;

    /// <summary>What matching reads of the current members, side by side; grown on a join, worked out again after any other change of membership.</summary>
    private MemberDigest? _digest;

    /// <summary>The array under the digest's facts, read from here to ask for it ahead (<see cref="FetchAheadForCheck"/>) without waiting for the digest.</summary>
    private MemberFacts[]? _factsArray;

    /// <summary>
    /// The digest's latest join, first home and spread, kept on the pool too: a placement
    /// reads them of every pool it weighs (several times over), and most pools are ruled out by these
    /// alone, with no other object fetched.
    /// </summary>
    private DateTimeOffset _latestJoinedAt;
    private GeoPoint _firstHome;
    private double _spread;

    /// <summary>What rules a newcomer out at once (<see cref="MayTake"/>), made for one category's rules; dropped at every change of membership.</summary>
    private PoolSketch _sketch;

    /// <summary>Members, counted here as well: whether a pool can be joined is asked of every pool, without fetching its list.</summary>
    private int _count;

    public DemandPool(
        Guid id,
        string municipalityCode,
        string categoryCode,
        PoolStatus status,
        int capacity,
        int quorum,
        IEnumerable<PoolMember> members,
        DateTimeOffset createdAt,
        DateTimeOffset? biddingClosesAt,
        long version,
        DateTimeOffset? quorumReachedAt = null,
        bool biddingExtended = false)
    {
        if (capacity < 1 || quorum < 1 || quorum > capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(quorum), "A pool needs 1 ≤ quorum ≤ capacity.");
        }

        Id = id;
        MunicipalityCode = municipalityCode;
        CategoryCode = categoryCode;
        Status = status;
        SavedStatus = status;
        Capacity = capacity;
        Quorum = quorum;
        _members = [.. members];
        _count = _members.Count;
        CreatedAt = createdAt;
        BiddingClosesAt = biddingClosesAt;
        Version = version;
        QuorumReachedAt = quorumReachedAt;
        BiddingExtended = biddingExtended;
    }

    public Guid Id { get; }

    public string MunicipalityCode { get; }

    public string CategoryCode { get; }

    public PoolStatus Status { get; private set; }

    /// <summary>The status as last saved (as loaded, or at <see cref="MarkSaved"/>): a save that leaves it as it was need not write it.</summary>
    public PoolStatus SavedStatus { get; private set; }

    public int Capacity { get; }

    public int Quorum { get; }

    public IReadOnlyList<PoolMember> Members => _members;

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? BiddingClosesAt { get; private set; }

    /// <summary>When the pool last reached quorum; staff watch time to quorum.</summary>
    public DateTimeOffset? QuorumReachedAt { get; private set; }

    /// <summary>The bidding window has already been extended once for want of a valid bid.</summary>
    public bool BiddingExtended { get; private set; }

    /// <summary>Optimistic-concurrency token: the number of changes saved so far.</summary>
    public long Version { get; private set; }

    public int PlacesLeft => Capacity - _count;

    /// <summary><see cref="Members"/>' count, without fetching the list.</summary>
    internal int MemberCount => _count;

    public bool IsJoinable => Status is PoolStatus.Forming or PoolStatus.OpenForBids && PlacesLeft > 0;

    /// <summary>Minutes per week that all members share (group mode) or the union of their slots (shared worker).</summary>
    public WeeklySchedule ScheduleEnvelope(PoolingMode mode)
    {
        if (_envelope is { } cached && cached.Mode == mode)
        {
            return cached.Envelope;
        }

        var envelope = _members.Count == 0 ? WeeklySchedule.Empty : _members[0].Schedule;
        for (var i = 1; i < _members.Count; i++)
        {
            envelope = mode == PoolingMode.Group ? envelope.Intersect(_members[i].Schedule) : envelope.Union(_members[i].Schedule);
        }

        _envelope = (mode, envelope);
        return envelope;
    }

    /// <summary>
    /// What the members share, as <see cref="Compatibility.SharedSchedule"/> works it out from them (group
    /// mode; null for a shared worker or no members): the group envelope, kept.
    /// </summary>
    internal WeeklySchedule? SharedSchedule(ServiceCategory category) =>
        category.Mode == PoolingMode.Group && _count > 0 ? ScheduleEnvelope(PoolingMode.Group) : null;

    /// <summary>
    /// The members' ids, homes and join times in one array, their weekly minutes and attribute values:
    /// matching asks these of every pool a request could join, and a pool's members lie all over the heap.
    /// </summary>
    internal MemberDigest Digest => _digest ?? Digested();

    /// <summary>The members' ids, homes and join times, in the members' order (<see cref="MemberDigest.Facts"/>).</summary>
    internal ReadOnlySpan<MemberFacts> Facts => Digest.Facts;

    /// <summary>When the latest member joined (<see cref="DateTimeOffset.MinValue"/> for none).</summary>
    public DateTimeOffset LatestJoinedAt => _digest is null ? Digested().LatestJoinedAt : _latestJoinedAt;

    /// <summary>
    /// Whether some member may live within <paramref name="meters"/> of <paramref name="point"/>; false
    /// only when none does: the first member's home, and how far the farthest lives from it, tell
    /// (<see cref="MemberDigest.Spread"/>, with a metre for rounding).
    /// </summary>
    internal bool AnyMayBeWithin(in GeoFrame point, double meters) => FirstHomeWithin(point, meters, andSpread: true);

    /// <summary>Whether the first member lives within <paramref name="meters"/> of <paramref name="point"/> (every member must, to join).</summary>
    internal bool FirstWithin(in GeoFrame point, double meters) => FirstHomeWithin(point, meters, andSpread: false);

    private bool FirstHomeWithin(in GeoFrame point, double meters, bool andSpread)
    {
        if (_digest is null)
        {
            Digested();
        }

        return _count > 0 && point.IsWithinMeters(_firstHome, andSpread ? meters + _spread + 1 : meters);
    }

    /// <summary>
    /// False only when the rules surely refuse the newcomer (<see cref="PoolSketch"/>), read from the
    /// pool alone; true leaves the verdict to <see cref="Check"/>.
    /// </summary>
    internal bool MayTake(ServiceCategory category, in NewcomerSketch newcomer)
    {
        if (!ReferenceEquals(_sketch.Keys, category.MatchedAttributes) || _sketch.Mode != category.Mode)
        {
            _sketch = new PoolSketch(category, this, Digest);
        }

        return !_sketch.RulesOut(category, newcomer);
    }

    /// <summary>A pool object's own size in bytes, about (measured: 296).</summary>
    private const int ObjectBytes = 304;

    /// <summary>Asks the processor for this pool's own fields ahead of reading them (<see cref="CacheHint"/>): a decision reads them of every joinable pool.</summary>
    internal void FetchAhead() => CacheHint.Fetch(this, ObjectBytes);

    /// <summary>Asks for what a full check (<see cref="Check"/>) and the schedule fit read beyond the pool's fields: the digest, the facts, the member list and the envelope.</summary>
    internal void FetchAheadForCheck()
    {
        CacheHint.Fetch(_digest, MemberDigest.ObjectBytes);
        CacheHint.FetchEntries(_factsArray, _count);
        CacheHint.Fetch(_members, ListBytes);
        CacheHint.Fetch(_envelope?.Envelope, WeeklySchedule.ObjectBytes);
    }

    /// <summary>Then what those point to, once <see cref="FetchAheadForCheck"/> has brought them: the envelope's slots and the members' attribute values.</summary>
    internal void FetchAheadBeyond()
    {
        _envelope?.Envelope.FetchAhead();
        _digest?.FetchAhead();
    }

    /// <summary>A <see cref="List{T}"/> object's own size in bytes (its items are an array of their own).</summary>
    private const int ListBytes = 32;

    private MemberDigest Digested() => Keep(new MemberDigest(_members));

    private MemberDigest Keep(MemberDigest digest)
    {
        (_digest, _factsArray, _latestJoinedAt, _spread) = (digest, digest.FactsArray, digest.LatestJoinedAt, digest.Spread);
        _firstHome = _count > 0 ? digest.Facts[0].Location : default;
        return digest;
    }

    // Every change of membership goes through these (and Confirm, which keeps what matching reads): a join grows the
    // cached envelope and digest by the newcomer alone, a leave drops them, and both drop the sketch.
    private void AddMember(PoolMember member)
    {
        // A newcomer narrows (group) or widens (shared worker) the envelope by its own schedule alone.
        _envelope = _envelope is { } cached && _members.Count > 0
            ? (cached.Mode, cached.Mode == PoolingMode.Group ? cached.Envelope.Intersect(member.Schedule) : cached.Envelope.Union(member.Schedule))
            : null;
        _members.Add(member);
        _count = _members.Count;
        _sketch = default;
        if (_digest is { } digest)
        {
            // Grown by the newcomer alone, as the envelope: the other members are not read again.
            digest.Add(member, Capacity);
            Keep(digest);
        }
    }

    private void RemoveMember(PoolMember member)
    {
        _members.Remove(member);
        _count = _members.Count;
        (_envelope, _digest, _factsArray, _sketch) = (null, null, null, default);
    }

    public static DemandPool Start(Guid id, string municipalityCode, ServiceCategory category, PoolMember first, DateTimeOffset now)
    {
        var pool = new DemandPool(id, municipalityCode, category.Code, PoolStatus.Forming, category.Capacity, category.Quorum, [], now, null, 0);
        var outcome = pool.Join(category, first, now);
        return outcome == Incompatibility.None
            ? pool
            : throw new InvalidOperationException($"A new pool refused its first member: {outcome}.");
    }

    /// <summary>Adds the member when the rules allow it; reaching quorum opens the bidding window.</summary>
    public Incompatibility Join(ServiceCategory category, PoolMember candidate, DateTimeOffset now)
    {
        var verdict = category.Code != CategoryCode ? Incompatibility.OtherCategory : Check(category, candidate, ItalianCalendar.DayOf(now));
        if (verdict != Incompatibility.None)
        {
            return verdict;
        }

        AddMember(candidate);
        if (Status == PoolStatus.Forming && _members.Count >= Quorum)
        {
            Status = PoolStatus.OpenForBids;
            BiddingClosesAt = now + category.BiddingWindow;
            QuorumReachedAt = now;
        }

        // The sketch is made again now, while what it reads is at hand: made at the next decision instead, it was read cold.
        if (IsJoinable)
        {
            _sketch = new PoolSketch(category, this, Digest);
        }

        return Incompatibility.None;
    }

    /// <param name="asOf">The day of the check, for start dates already past; null for the day the candidate would join (its <see cref="PoolMember.JoinedAt"/>) or the latest member joined, whichever is later.</param>
    public Incompatibility Check(ServiceCategory category, PoolMember candidate, DateOnly? asOf = null)
    {
        if (!IsJoinable)
        {
            return PlacesLeft <= 0 ? Incompatibility.Full : Incompatibility.NotJoinable;
        }

        // The same rules as Compatibility.Check on the members, read from the digest; whether the request or its
        // family is already in the pool, in one pass over the members.
        var digest = Digest;
        var known = digest.Knows(candidate.RequestId, candidate.FamilyId);
        return known != Incompatibility.None ? known : Compatibility.Check(category, this, digest, candidate, asOf);
    }

    /// <summary>
    /// A family withdraws its request before the award. Below quorum an open pool goes back to
    /// forming (its bidding window closes); a pool left empty is cancelled.
    /// </summary>
    public LeaveOutcome Leave(Guid requestId, Guid familyId)
    {
        var member = _members.FirstOrDefault(m => m.RequestId == requestId);
        if (member is null || member.FamilyId != familyId)
        {
            return LeaveOutcome.NotAMember;
        }

        if (Status is not (PoolStatus.Forming or PoolStatus.OpenForBids))
        {
            return LeaveOutcome.TooLate;
        }

        RemoveMember(member);
        if (_members.Count == 0)
        {
            Status = PoolStatus.Cancelled;
            BiddingClosesAt = null;
        }
        else if (Status == PoolStatus.OpenForBids && _members.Count < Quorum)
        {
            Status = PoolStatus.Forming;
            BiddingClosesAt = null;
            QuorumReachedAt = null;
            BiddingExtended = false;
        }

        return LeaveOutcome.Left;
    }

    /// <summary>
    /// A waiting member is moved to another pool (re-optimisation or a refill): only from a pool
    /// still forming; a pool left empty is cancelled.
    /// </summary>
    public bool Release(Guid requestId)
    {
        var member = _members.FirstOrDefault(m => m.RequestId == requestId);
        if (member is null || Status != PoolStatus.Forming)
        {
            return false;
        }

        RemoveMember(member);
        if (_members.Count == 0)
        {
            Status = PoolStatus.Cancelled;
        }

        return true;
    }

    /// <summary>
    /// The bidding deadline has come. With a valid bid the award is due. Without one the window is
    /// extended once by the category's window (staff are alerted); after that the pool is told no
    /// provider bid, and stays open for bids with no deadline until staff find one.
    /// </summary>
    public BiddingDeadlineOutcome CloseBidding(ServiceCategory category, DateTimeOffset now, bool hasValidBid)
    {
        if (Status != PoolStatus.OpenForBids || BiddingClosesAt is not { } closesAt || closesAt > now)
        {
            return BiddingDeadlineOutcome.NotDue;
        }

        if (hasValidBid)
        {
            return BiddingDeadlineOutcome.AwardDue;
        }

        if (!BiddingExtended)
        {
            BiddingExtended = true;
            BiddingClosesAt = now + category.BiddingWindow;
            return BiddingDeadlineOutcome.Extended;
        }

        BiddingClosesAt = null;
        return BiddingDeadlineOutcome.NoBids;
    }

    /// <summary>The deadline has passed with a valid bid: the pool is awarded and takes no more members or bids.</summary>
    public bool Award()
    {
        if (Status != PoolStatus.OpenForBids)
        {
            return false;
        }

        Status = PoolStatus.Awarded;
        BiddingClosesAt = null;
        return true;
    }

    /// <summary>
    /// A family confirms the award. When every member has confirmed, the pool becomes active: the
    /// collective order starts. Confirming twice changes nothing.
    /// </summary>
    public AwardResponse Confirm(Guid requestId, Guid familyId, DateTimeOffset now)
    {
        var index = _members.FindIndex(m => m.RequestId == requestId && m.FamilyId == familyId);
        if (index < 0)
        {
            return AwardResponse.NotAMember;
        }

        if (Status != PoolStatus.Awarded)
        {
            return AwardResponse.NotAwarded;
        }

        _members[index] = _members[index] with { ConfirmedAt = _members[index].ConfirmedAt ?? now };
        return StartIfAllConfirmed();
    }

    /// <summary>
    /// A family declines the award and leaves. The award stands only while the pool keeps its
    /// quorum; below it the award lapses and the pool goes back to forming.
    /// </summary>
    public AwardResponse Decline(Guid requestId, Guid familyId)
    {
        var member = _members.FirstOrDefault(m => m.RequestId == requestId && m.FamilyId == familyId);
        if (member is null)
        {
            return AwardResponse.NotAMember;
        }

        if (Status != PoolStatus.Awarded)
        {
            return AwardResponse.NotAwarded;
        }

        RemoveMember(member);
        if (_members.Count < Quorum)
        {
            Status = _members.Count == 0 ? PoolStatus.Cancelled : PoolStatus.Forming;
            (QuorumReachedAt, BiddingExtended) = (null, false);
            return AwardResponse.AwardLapsed;
        }

        return StartIfAllConfirmed() == AwardResponse.OrderStarts ? AwardResponse.OrderStarts : AwardResponse.Declined;
    }

    private AwardResponse StartIfAllConfirmed()
    {
        if (_members.All(m => m.ConfirmedAt is not null))
        {
            Status = PoolStatus.Active;
            return AwardResponse.OrderStarts;
        }

        return AwardResponse.Confirmed;
    }

    /// <summary>Called once the change is durable: the next save must see this version.</summary>
    public void MarkSaved()
    {
        Version++;
        SavedStatus = Status;
    }
}
