using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Bidding;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Grains.Live;

namespace Will.Marketplace.Grains.Pools;

/// <summary>
/// Owns one pool: every change is saved before it is acknowledged or published. A bidding deadline
/// is held by the pool's matchmaker, whose one reminder ticks by then (stored before the pool that
/// needs it, so it fires after any restart) and calls <see cref="CloseBiddingIfDue"/>.
/// </summary>
public sealed class DemandPoolGrain(
    IDemandPoolStore store,
    IBiddingStore bidding,
    ICategoryCatalog catalog,
    PushOutbox outbox,
    TimeProvider time,
    ILogger<DemandPoolGrain> logger) : Grain, IDemandPoolGrain, IRemindable
{
    public const string BiddingDeadline = "bidding-deadline";

    /// <summary>If a tick is missed (the silo was down), the next comes this much later.</summary>
    private static readonly TimeSpan DeadlineRetry = TimeSpan.FromMinutes(1);

    private DemandPool? _pool;
    private ServiceCategory? _category;

    /// <summary>
    /// The pool is read on first use rather than on activation: a pool started here is new (its id
    /// was just made), so there is no row to read yet.
    /// </summary>
    private bool _loaded;

    /// <summary>This activation, to its matchmaker: an old activation's goodbye must not cancel a new one's watch.</summary>
    private readonly Guid _activation = Guid.NewGuid();

    /// <summary>The matchmaker knows this activation keeps a copy (see <see cref="Watch"/>).</summary>
    private bool _watched;

    private async Task Load()
    {
        if (_loaded)
        {
            return;
        }

        _pool = await store.FindAsync(this.GetPrimaryKey());
        _category = _pool is null ? null : await catalog.FindAsync(_pool.MunicipalityCode, _pool.CategoryCode);
        _loaded = true;
        await Watch();
    }

    /// <summary>
    /// The matchmaker saves joins and moves of a pool that may take members without this grain (one
    /// call per placement instead of two): a grain that keeps a copy of such a pool asks to be told.
    /// </summary>
    private async Task Watch()
    {
        if (_pool is { Status: PoolStatus.Forming or PoolStatus.OpenForBids } pool)
        {
            await Matchmaker(pool).Watch(pool.Id, _activation, pool.Version);
            _watched = true;
        }
    }

    public async Task Changed(long version)
    {
        if (!_loaded || (_pool is not null && _pool.Version >= version))
        {
            return;
        }

        _pool = await store.FindAsync(this.GetPrimaryKey());
        _category ??= _pool is null ? null : await catalog.FindAsync(_pool.MunicipalityCode, _pool.CategoryCode);
    }

    public Task Forget()
    {
        (_pool, _loaded, _watched) = (null, false, false);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_watched && _pool is not null)
        {
            await Matchmaker(_pool).Unwatch(_pool.Id, _activation);
        }
    }

    public async Task<JoinOutcome> Start(PlaceRequestCommand first)
    {
        if (_loaded && _pool is not null)
        {
            return Existing(first);
        }

        var category = await catalog.FindAsync(first.MunicipalityCode, first.CategoryCode)
            ?? throw new ArgumentException($"Unknown category '{first.CategoryCode}'.", nameof(first));
        var request = first.ToDomain();
        var pool = DemandPool.Start(this.GetPrimaryKey(), first.MunicipalityCode, category, PoolMember.From(request, time.GetUtcNow()), time.GetUtcNow());
        await KeepDeadline(pool, previous: null);
        try
        {
            // Inserted as new: if the pool is there already (a repeated start), the insert fails.
            await store.SaveAsync(pool, request);
        }
        catch when (!_loaded)
        {
            await Load();
            if (_pool is not null)
            {
                return Existing(first);
            }

            throw;
        }

        pool.MarkSaved();
        (_pool, _category, _loaded) = (pool, category, true);
        await Watch();
        await Publish(request, startedNewPool: true);
        return new JoinOutcome(true, null, Snapshot());
    }

    private JoinOutcome Existing(PlaceRequestCommand first) => _pool!.Members.Any(m => m.RequestId == first.RequestId)
        ? new JoinOutcome(true, null, Snapshot())
        : new JoinOutcome(false, "pool-exists", Snapshot());

    public async Task<JoinOutcome> Join(PlaceRequestCommand request)
    {
        await Load();
        if (_pool is null || _category is null)
        {
            return new JoinOutcome(false, "not-found", null);
        }

        var careRequest = request.ToDomain();
        var closedAt = _pool.BiddingClosesAt;
        var verdict = _pool.Join(_category, PoolMember.From(careRequest, time.GetUtcNow()), time.GetUtcNow());
        if (verdict != Incompatibility.None)
        {
            return new JoinOutcome(false, verdict.ToString(), Snapshot());
        }

        await KeepDeadline(_pool, closedAt);
        await SaveOrReload(careRequest);

        await Publish(careRequest, startedNewPool: false);
        return new JoinOutcome(true, null, Snapshot());
    }

    public async Task<LeaveResult> Leave(Guid requestId, Guid familyId)
    {
        await Load();
        if (_pool is null)
        {
            return new LeaveResult(false, LeaveOutcome.NotAMember.ToString(), null);
        }

        var wasOpen = _pool.Status == PoolStatus.OpenForBids;
        var outcome = _pool.Leave(requestId, familyId);
        if (outcome != LeaveOutcome.Left)
        {
            return new LeaveResult(false, outcome.ToString(), Snapshot());
        }

        // Leaving ends a deadline or keeps it, never makes one: the matchmaker's next tick sees which.
        await SaveOrReload(placedRequest: null);

        var messages = PoolChanged(also: familyId);
        if (wasOpen && _pool.Status == PoolStatus.Forming)
        {
            // The families left are told why bidding stopped (a waiting family may yet take the place: they then hear it opened again).
            messages.AddRange(PoolMessages.Notices(_pool, PoolNotice.BelowQuorum, [familyId]));
        }

        await Publish(messages);
        return new LeaveResult(true, null, Snapshot());
    }

    public async Task<BidOutcome> SubmitBid(BidCommand command, bool revision)
    {
        await Load();
        if (_pool is null)
        {
            return new BidOutcome(false, null, BidRefusal.PoolNotOpen.ToString(), null);
        }

        var now = time.GetUtcNow();
        var existing = (await bidding.ListBidsAsync(_pool.Id)).FirstOrDefault(b => b.ProviderId == command.ProviderId);
        if (revision && existing is null)
        {
            return new BidOutcome(false, null, BidRefusal.NoSuchBid.ToString(), _pool.BiddingClosesAt);
        }

        var bid = new Bid(existing?.Id ?? Guid.CreateVersion7(now), _pool.Id, command.ProviderId, Money.FromCents(command.PriceCents),
            command.Unit == "per-session" ? PriceUnit.PerSession : PriceUnit.PerHour, command.OutcomeCommitments.ToHashSet(StringComparer.Ordinal), command.ContinuityPledge, now);
        var bidder = await bidding.FindBidderAsync(command.ProviderId, _pool.MunicipalityCode, _pool.CategoryCode);
        var refusal = BidRules.CheckSubmission(Window(), bid, bidder.Accreditation, bidder.CapacityFamilies, alreadyBid: existing is not null && !revision, now);
        if (refusal != BidRefusal.None)
        {
            return new BidOutcome(false, null, refusal.ToString(), _pool.BiddingClosesAt);
        }

        var id = await bidding.SaveBidAsync(bid, now);
        return new BidOutcome(true, id, null, _pool.BiddingClosesAt);
    }

    public async Task<BidOutcome> WithdrawBid(Guid providerId)
    {
        await Load();
        if (_pool is null)
        {
            return new BidOutcome(false, null, BidRefusal.PoolNotOpen.ToString(), null);
        }

        var refusal = BidRules.CheckWindow(Window(), time.GetUtcNow());
        if (refusal != BidRefusal.None)
        {
            return new BidOutcome(false, null, refusal.ToString(), _pool.BiddingClosesAt);
        }

        return await bidding.WithdrawBidAsync(_pool.Id, providerId, time.GetUtcNow())
            ? new BidOutcome(true, null, null, _pool.BiddingClosesAt)
            : new BidOutcome(false, null, BidRefusal.NoSuchBid.ToString(), _pool.BiddingClosesAt);
    }

    private BiddingWindow Window() => new(_pool!.Status, _pool.BiddingClosesAt, _pool.Members.Count, _pool.MunicipalityCode, _pool.CategoryCode);

    /// <summary>
    /// The bids still valid at the deadline, ranked: a provider suspended or expired since it bid, or
    /// now too small for the pool, no longer counts.
    /// </summary>
    private async Task<AwardDecision?> Rank(DateTimeOffset now)
    {
        var bids = await bidding.ListBidsAsync(_pool!.Id);
        var bidders = new Dictionary<Guid, BidderRecord>();
        foreach (var bid in bids)
        {
            var profile = await bidding.FindBidderAsync(bid.ProviderId, _pool.MunicipalityCode, _pool.CategoryCode);
            if (profile.Accreditation is { } accreditation && accreditation.IsActiveOn(ItalianCalendar.DayOf(now)) && profile.CapacityFamilies >= _pool.Members.Count)
            {
                bidders[bid.ProviderId] = new BidderRecord(accreditation, profile.AverageRatingTenths);
            }
        }

        var valid = bids.Where(b => bidders.ContainsKey(b.ProviderId)).ToList();
        if (valid.Count == 0)
        {
            return null;
        }

        var envelope = _pool.ScheduleEnvelope(_category!.Mode);
        var weights = await bidding.WeightsAsync(_pool.MunicipalityCode, _pool.CategoryCode);
        return new AwardDecision(weights, TenderScoring.Rank(valid, bidders, weights, envelope.TotalMinutes, envelope.Slots.Count), now);
    }

    public async Task<AwardAnswer> RespondToAward(Guid requestId, Guid familyId, bool confirm)
    {
        await Load();
        if (_pool is null || _category is null)
        {
            return new AwardAnswer(nameof(AwardResponse.NotAMember), null);
        }

        var outcome = confirm ? _pool.Confirm(requestId, familyId, time.GetUtcNow()) : _pool.Decline(requestId, familyId);
        if (outcome is AwardResponse.NotAMember or AwardResponse.NotAwarded)
        {
            return new AwardAnswer(outcome.ToString(), Snapshot());
        }

        switch (outcome)
        {
            case AwardResponse.OrderStarts:
                var (bid, weekly) = await bidding.FindAwardedBidAsync(_pool.Id) ?? throw new InvalidOperationException($"Pool {_pool.Id} is awarded without an award.");
                var order = CollectiveOrder.From(_pool, _category, bid, Money.FromCents(weekly), StartDate());
                await SaveOrReload(pool => store.SaveOrderAsync(pool, order));
                break;
            case AwardResponse.AwardLapsed:
                await SaveOrReload(pool => store.SaveLapsedAwardAsync(pool));
                break;
            default:
                await SaveOrReload(placedRequest: null);
                break;
        }

        var messages = PoolChanged(also: familyId);
        // The other families hear what the answer changed for them: the service starts, or the group looks for families again.
        var notice = outcome switch
        {
            AwardResponse.OrderStarts => PoolNotice.OrderStarted,
            AwardResponse.AwardLapsed => PoolNotice.BelowQuorum,
            _ => null,
        };
        if (notice is not null)
        {
            messages.AddRange(PoolMessages.Notices(_pool, notice, notice == PoolNotice.OrderStarted ? [] : [familyId]));
        }

        await Publish(messages);
        return new AwardAnswer(outcome.ToString(), Snapshot());
    }

    private DateOnly StartDate() => CollectiveOrder.FirstDay(_pool!.Members, ItalianCalendar.Today(time));

    /// <summary>
    /// Deadlines used to be a reminder per pool: one still stored is handed to the matchmaker, which
    /// holds deadlines now, and removed.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != BiddingDeadline)
        {
            return;
        }

        await Load();
        if (_pool is { BiddingClosesAt: { } closesAt } pool)
        {
            await Matchmaker(pool).HoldDeadline(pool.Id, closesAt);
        }

        if (await this.GetReminder(BiddingDeadline) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task CloseBiddingIfDue()
    {
        await Load();
        if (_pool is null || _category is null || _pool.BiddingClosesAt is null)
        {
            return;
        }

        var closedAt = _pool.BiddingClosesAt;

        var now = time.GetUtcNow();
        var award = _pool.BiddingClosesAt <= now ? await Rank(now) : null;
        var outcome = _pool.CloseBidding(_category, now, hasValidBid: award is not null);
        if (outcome == BiddingDeadlineOutcome.NotDue)
        {
            return;
        }

        if (outcome == BiddingDeadlineOutcome.AwardDue)
        {
            await AwardTo(award!);
            return;
        }

        await KeepDeadline(_pool, closedAt);
        await SaveOrReload(placedRequest: null);
        logger.LogInformation("Bidding deadline of pool {PoolId}: {Outcome}", _pool.Id, outcome);

        var kind = outcome == BiddingDeadlineOutcome.Extended ? PoolNotice.BiddingExtended : PoolNotice.NoBids;
        var notice = new PoolNotice(_pool.Id, kind, _pool.Status.ToName(), _pool.BiddingClosesAt, MovedFrom: null);
        await PublishNotice(notice);
    }

    private async Task AwardTo(AwardDecision award)
    {
        _pool!.Award();

        // Families whose stated maximum the award meets are confirmed at once.
        var order = default(CollectiveOrder);
        foreach (var member in _pool.Members.Where(m => AwardFit.WithinMaximum(_category!, _pool, m, award.Winner.WeeklyCost)).ToList())
        {
            if (_pool.Confirm(member.RequestId, member.FamilyId, award.DecidedAt) == AwardResponse.OrderStarts)
            {
                order = CollectiveOrder.From(_pool, _category!, award.Winner.Bid, award.Winner.WeeklyCost, StartDate());
            }
        }

        await SaveOrReload(pool => store.SaveAwardAsync(pool, award, order));
        logger.LogInformation("Pool {PoolId} awarded to provider {ProviderId} ({Bids} valid bids)", _pool.Id, award.Winner.Bid.ProviderId, award.Ranking.Count);
        var notice = new PoolNotice(_pool.Id, PoolNotice.Awarded, _pool.Status.ToName(), null, MovedFrom: null);
        await PublishNotice(notice);
    }

    /// <summary>
    /// A deadline this change makes (quorum reached, the window extended) is held by the matchmaker
    /// before the pool is saved, so a crash in between leaves a tick that finds nothing due rather
    /// than a deadline that never fires. A deadline that goes needs nothing: the tick finds it gone.
    /// </summary>
    private async Task KeepDeadline(DemandPool pool, DateTimeOffset? previous)
    {
        if (pool.BiddingClosesAt is { } closesAt && closesAt != previous)
        {
            await Matchmaker(pool).HoldDeadline(pool.Id, closesAt);
        }
    }

    private IMatchmakerGrain Matchmaker(DemandPool pool) =>
        GrainFactory.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(pool.MunicipalityCode, pool.CategoryCode));

    private Task SaveOrReload(CareRequest? placedRequest) => SaveOrReload(pool => store.SaveAsync(pool, placedRequest));

    /// <summary>Saves the changed pool one way or another; a failed save drops the in-memory change.</summary>
    private async Task SaveOrReload(Func<DemandPool, Task> save)
    {
        try
        {
            await save(_pool!);
            _pool!.MarkSaved();
        }
        catch
        {
            // The in-memory change was never made durable: drop it and start again from the database.
            _pool = await store.FindAsync(this.GetPrimaryKey());
            throw;
        }
    }

    public async Task<PoolSnapshot?> GetSnapshot()
    {
        await Load();
        return _pool is null ? null : Snapshot();
    }

    private PoolSnapshot Snapshot() => _pool!.ToSnapshot(_category?.Mode ?? PoolingMode.Group);

    private ImmutableArray<LiveMessage>.Builder PoolChanged(Guid? also = null) => PoolMessages.Changed(_pool!, also);

    /// <summary>The pool's change and a notice in words, to its watchers, its municipality's staff and its members.</summary>
    private Task PublishNotice(PoolNotice notice)
    {
        var messages = PoolChanged();
        messages.Add(new LiveMessage(
            PoolMessages.Families(_pool!, [LiveTarget.Pool(_pool!.Id), LiveTarget.Staff(_pool.MunicipalityCode)], also: null, told: []),
            LiveMessage.PoolNoticeMethod,
            notice));
        return Publish(messages);
    }

    private Task Publish(CareRequest placed, bool startedNewPool) =>
        Publish(PoolMessages.Placed(_pool!, placed.Id, placed.FamilyId, startedNewPool));

    private Task Publish(ImmutableArray<LiveMessage>.Builder messages) => Publish(messages.ToImmutable());

    private Task Publish(ImmutableArray<LiveMessage> messages)
    {
        outbox.Post(messages);
        return Task.CompletedTask;
    }
}
