using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Grains.Live;
using Will.Marketplace.Grains.Pools;

namespace Will.Marketplace.Grains.Matching;

/// <summary>
/// Places requests for one municipality × category. It keeps a copy of the joinable pools so a
/// placement costs no database read; the pool grains own the truth and may still say no, in which
/// case the copy is refreshed and the next best pool is tried. It also moves waiting requests (those
/// in pools below quorum): into a place freed by a withdrawal, and into better groups found by the
/// exact re-optimisation a little after requests start waiting. All joins and moves of its pools go
/// through it, one at a time. It holds its pools' bidding deadlines too, with one reminder
/// (docs/decisions.md, "Deadlines are Orleans reminders in our own database, one per matchmaker").
/// </summary>
public sealed class MatchmakerGrain(
    ICategoryCatalog catalog,
    IDemandPoolStore store,
    ISetPackingSolver solver,
    PushOutbox outbox,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<MatchmakerGrain> logger) : Grain, IMatchmakerGrain, IRemindable
{
    /// <summary>The one reminder that closes this matchmaker's bidding windows.</summary>
    public const string BiddingDeadlines = "bidding-deadlines";

    /// <summary>While any pool has a deadline the reminder ticks this often (and sooner, when a deadline is nearer).</summary>
    private static readonly TimeSpan DeadlineTick = TimeSpan.FromMinutes(1);

    /// <summary>Databases keep times to the millisecond (SQLite) or finer: a deadline read back is the one held within this.</summary>
    private static readonly TimeSpan StoredPrecision = TimeSpan.FromMilliseconds(1);

    private const int MaxAttempts = 5;
    private readonly Dictionary<Guid, DemandPool> _joinable = [];

    /// <summary>Pool grains that keep a copy (see <see cref="Watch"/>), and the version each holds.</summary>
    private readonly Dictionary<Guid, (Guid Activation, long Version)> _watchers = [];
    private IGrainTimer? _reoptimisation;

    /// <summary>The last piece of deadline work: registering and re-arming the reminder go one after the other (<see cref="HoldDeadline"/> interleaves).</summary>
    private Task _deadlineWork = Task.CompletedTask;

    /// <summary>When the deadline reminder ticks next at the latest; null when this activation does not know it to be registered.</summary>
    private DateTimeOffset? _nextTick;

    /// <summary>Deadlines held for pools that may not be saved yet, and when: kept until the table shows them (or for a tick).</summary>
    private readonly Dictionary<Guid, (DateTimeOffset ClosesAt, DateTimeOffset HeldAt)> _held = [];

    /// <summary>The id the next new pool takes (<see cref="Guid.Empty"/>: none in hand yet).</summary>
    private Guid _spareId;
    private ServiceCategory _category = null!;
    private string _municipalityCode = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString().Split('/', 2);
        if (key.Length != 2)
        {
            throw new InvalidOperationException($"Matchmaker key '{this.GetPrimaryKeyString()}' is not municipality/category.");
        }

        _municipalityCode = key[0];
        _category = await catalog.FindAsync(key[0], key[1], cancellationToken)
            ?? throw new InvalidOperationException($"Unknown category '{key[1]}' in municipality '{key[0]}'.");
        foreach (var pool in await store.ListJoinableAsync(_municipalityCode, _category.Code, cancellationToken))
        {
            _joinable[pool.Id] = pool;
        }
    }

    public async Task<PlacementOutcome> Place(PlaceRequestCommand command)
    {
        if (command.MunicipalityCode != _municipalityCode || command.CategoryCode != _category.Code)
        {
            throw new ArgumentException("The request belongs to another matchmaker.", nameof(command));
        }

        var request = command.ToDomain();
        var member = PoolMember.From(request, time.GetUtcNow());
        // A fresh id is kept in hand until a pool takes it: reading random bytes is a system call, and most placements open no pool.
        var newPoolId = _spareId == Guid.Empty ? _spareId = Guid.CreateVersion7(time.GetUtcNow()) : _spareId;
        HashSet<Guid>? tried = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            IReadOnlyCollection<DemandPool> candidates = tried is null ? _joinable.Values : [.. _joinable.Values.Where(p => !tried.Contains(p.Id))];
            var deciding = MatchingMetrics.DecisionDuration.Enabled ? Stopwatch.GetTimestamp() : 0;
            var decision = Placement.Decide(_category, member, candidates, newPoolId);
            if (deciding != 0)
            {
                MatchingMetrics.Decided(_category.Code, Stopwatch.GetElapsedTime(deciding));
            }

            if (decision.Pool is not { } best)
            {
                return await StartNewPool(request, member, newPoolId, decision.Moves);
            }

            var saved = await SaveJoin(best, request, member);
            if (saved == Saved.Refused)
            {
                (tried ??= []).Add(best.Id);
            }
            else if (saved == Saved.Yes)
            {
                var completed = decision.Moves.Count > 0 ? await Complete(best.Id, decision.Moves) : null;
                ReoptimiseSoonIfWaiting(best);
                MatchingMetrics.Placed(_category.Code, startedPool: false, completed is null ? 0 : decision.Moves.Count);
                return new PlacementOutcome(command.RequestId, completed ?? best.ToSnapshot(_category.Mode), StartedNewPool: false);
            }
        }

        return await StartNewPool(request, member, newPoolId, []);
    }

    /// <summary>
    /// The join is saved here, against the version of the copy, with no call to the pool's grain (one
    /// grain call per placement): the copy is exactly what the grain would hold. A pool reaching quorum
    /// has its deadline held first (<see cref="KeepDeadline"/>). When the pool changed meanwhile (its grain awarded
    /// it, or a family joined it there) the copy is read again and the caller decides again with it.
    /// </summary>
    private async Task<Saved> SaveJoin(DemandPool pool, CareRequest request, PoolMember member)
    {
        var closedAt = pool.BiddingClosesAt;
        var verdict = pool.Join(_category, member, time.GetUtcNow());
        if (verdict != Incompatibility.None)
        {
            // The decision was made on this very copy, so this should not happen.
            logger.LogWarning("Pool {PoolId} refused request {RequestId}: {Reason}", pool.Id, request.Id, verdict);
            await Refresh(pool.Id);
            return Saved.Refused;
        }

        try
        {
            if (pool.BiddingClosesAt is { } closesAt && closesAt != closedAt)
            {
                await KeepDeadline(pool.Id, closesAt);
            }

            await store.SaveAsync(pool, request);
        }
        catch (ConcurrencyConflictException ex)
        {
            logger.LogInformation(ex, "Pool {PoolId} changed before request {RequestId} could join it", pool.Id, request.Id);
            await Refresh(pool.Id);
            return Saved.Stale;
        }
        catch
        {
            // The copy holds a join that was never saved.
            await Refresh(pool.Id);
            throw;
        }

        var opened = PoolMessages.Opens(pool);
        pool.MarkSaved();
        ForgetIfFull(pool);
        await Tell(pool);
        Publish(PoolMessages.Placed(pool, request.Id, request.FamilyId, startedNewPool: false));
        if (opened)
        {
            // Every family hears that the pool can go ahead, and until when providers bid.
            Publish([.. PoolMessages.Notices(pool, PoolNotice.Opened, [])]);
        }

        return Saved.Yes;
    }

    /// <summary>
    /// The placement found waiting families that make this pool go ahead (or fill its places):
    /// move them in, exactly the moves the decision weighed. The copies carry the stored versions,
    /// so a pool changed meanwhile makes the save fail and nothing moves. Returns the pool as it then is.
    /// </summary>
    private async Task<PoolSnapshot?> Complete(Guid poolId, IReadOnlyList<PoolMove> moves)
    {
        if (!_joinable.TryGetValue(poolId, out var pool))
        {
            return null;
        }

        IReadOnlyList<DemandPool> changed;
        try
        {
            changed = Completion.Apply(_category, pool, moves, _joinable, time.GetUtcNow());
        }
        catch (InvalidOperationException ex)
        {
            // The decision was made on these very copies a moment ago, so this should not happen;
            // if it does, the copies may be half changed: read them back, and move nobody.
            logger.LogWarning(ex, "Planned moves into pool {PoolId} no longer fit", poolId);
            await ReloadJoinable();
            return null;
        }

        return await Commit(new RegroupingChange(changed, moves), PoolNotice.Regrouped)
            ? pool.ToSnapshot(_category.Mode)
            : null;
    }

    public async Task<LeaveResult> Withdraw(Guid poolId, Guid requestId, Guid familyId)
    {
        var result = await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).Leave(requestId, familyId);
        if (result.Left)
        {
            await Refresh(poolId);
            await Refill(poolId, result);
        }

        return result;
    }

    public async Task<AwardAnswer> DeclineAward(Guid poolId, Guid requestId, Guid familyId)
    {
        var answer = await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).RespondToAward(requestId, familyId, confirm: false);
        if (answer.Outcome == nameof(AwardResponse.AwardLapsed))
        {
            await Refresh(poolId);
        }

        return answer;
    }

    public async Task<RegroupingReport> Reoptimise()
    {
        await ReloadJoinable();
        var waiting = Waiting().SelectMany(p => p.Members).ToList();
        if (waiting.Count == 0)
        {
            return new RegroupingReport(0, 0, 0, 0, 0);
        }

        var limits = new RegroupingLimits(options.Value.MaxShardSize, options.Value.SolveTimeLimit);
        var now = time.GetUtcNow();
        var pools = _joinable.Values.ToList();
        var (plan, change) = await Task.Run(() => Regrouping.Run(_category, pools, solver, limits, now, () => Guid.CreateVersion7(now)));
        if (change.Moves.Count == 0 || !await Commit(change, PoolNotice.Regrouped))
        {
            await ReloadJoinable();
            return new RegroupingReport(waiting.Count, 0, 0, 0, plan.UpperBound);
        }

        var pooled = plan.Pooled + change.Moves.Count(m => plan.Groups.All(g => g.All(x => x.RequestId != m.RequestId)));
        logger.LogInformation(
            "Re-optimised {Key}: {Pooled} of {Waiting} waiting families pooled, {Pools} new groups, {Moved} moved (bound {Bound})",
            this.GetPrimaryKeyString(), pooled, waiting.Count, plan.Groups.Count, change.Moves.Count, plan.UpperBound);
        return new RegroupingReport(waiting.Count, change.Moves.Count, plan.Groups.Count, pooled, plan.UpperBound);
    }

    /// <summary>Pools still below quorum: their members are the waiting list.</summary>
    private IEnumerable<DemandPool> Waiting() =>
        _joinable.Values.Where(p => p.Status == PoolStatus.Forming && p.Members.Count < p.Quorum).OrderBy(p => p.CreatedAt);

    /// <summary>
    /// A withdrawal freed a place in a pool that had reached quorum: the compatible families waiting
    /// longest move in (each moved family is pooled from then on), so the pool goes ahead again.
    /// </summary>
    private async Task Refill(Guid poolId, LeaveResult left)
    {
        var wasViable = left.Pool is { } after && after.MemberCount + 1 >= after.Quorum;
        if (!wasViable)
        {
            return;
        }

        await ReloadJoinable();
        if (!_joinable.TryGetValue(poolId, out var pool))
        {
            return;
        }

        var now = time.GetUtcNow();
        var moves = new List<PoolMove>();
        var changed = new Dictionary<Guid, DemandPool>();
        var queue = Waiting().Where(p => p.Id != poolId).SelectMany(p => p.Members.Select(m => (Member: m, Source: p))).OrderBy(x => x.Member.JoinedAt).ToList();
        foreach (var (member, source) in queue)
        {
            if (pool.PlacesLeft == 0)
            {
                break;
            }

            if (pool.Check(_category, member, ItalianCalendar.DayOf(now)) == Incompatibility.None && source.Release(member.RequestId))
            {
                pool.Join(_category, member with { JoinedAt = now }, now);
                moves.Add(new PoolMove(member.RequestId, member.FamilyId, source.Id, pool.Id));
                (changed[source.Id], changed[pool.Id]) = (source, pool);
            }
        }

        if (moves.Count > 0)
        {
            _ = await Commit(new RegroupingChange([.. changed.Values], moves), PoolNotice.Refilled);
        }
    }

    /// <summary>Moves are saved against the pools' stored versions: start from the stored pools.</summary>
    private async Task ReloadJoinable()
    {
        _joinable.Clear();
        foreach (var pool in await store.ListJoinableAsync(_municipalityCode, _category.Code))
        {
            _joinable[pool.Id] = pool;
        }
    }

    /// <summary>
    /// Saves moves between pools in one transaction (deadlines first, as the pool grains do), then
    /// has each pool grain re-read its pool, and tells every moved family where it went and why.
    /// False when a pool changed meanwhile: nothing was saved, and the next run starts again.
    /// </summary>
    private async Task<bool> Commit(RegroupingChange change, string kind)
    {
        try
        {
            foreach (var pool in change.Changed.Where(p => p.BiddingClosesAt is not null))
            {
                await KeepDeadline(pool.Id, pool.BiddingClosesAt!.Value);
            }

            await store.SaveMovesAsync(change.Changed, change.Moves);
        }
        catch (ConcurrencyConflictException ex)
        {
            // The copies were changed in memory only: read the truth back.
            logger.LogInformation(ex, "Moves in {Key} not saved: a pool changed meanwhile", this.GetPrimaryKeyString());
            await ReloadJoinable();
            return false;
        }

        var opened = change.Changed.Where(PoolMessages.Opens).ToList();
        foreach (var pool in change.Changed)
        {
            pool.MarkSaved();
            if (pool.IsJoinable)
            {
                _joinable[pool.Id] = pool;
            }
            else
            {
                _joinable.Remove(pool.Id);
            }
        }

        await Task.WhenAll(change.Changed.Select(Tell));
        var byId = change.Changed.ToDictionary(p => p.Id);
        var messages = ImmutableArray.CreateBuilder<LiveMessage>();
        foreach (var pool in change.Changed)
        {
            // A family moved out hears of its old pool too.
            messages.AddRange(PoolMessages.Changed(pool));
        }

        messages.AddRange(change.Moves.Select(m => new LiveMessage(
            LiveTarget.User(m.FamilyId),
            LiveMessage.PoolNoticeMethod,
            new PoolNotice(m.To, kind, byId[m.To].Status.ToName(), byId[m.To].BiddingClosesAt, m.From))));

        // The others are told why their pool changed: it can now go ahead, or a family left it for one that can.
        var moved = change.Moves.Select(m => m.FamilyId).ToHashSet();
        foreach (var pool in opened)
        {
            messages.AddRange(PoolMessages.Notices(pool, PoolNotice.Opened, moved));
        }

        foreach (var from in change.Moves.Select(m => m.From).Distinct().Where(byId.ContainsKey).Select(id => byId[id]).Where(p => p.Members.Count > 0 && !opened.Contains(p)))
        {
            messages.AddRange(PoolMessages.Notices(from, PoolNotice.PartnerMoved, moved));
        }

        Publish(messages.ToImmutable());
        return true;
    }

    private void ReoptimiseSoonIfWaiting(DemandPool placedIn)
    {
        if (_reoptimisation is not null || placedIn.Status != PoolStatus.Forming || placedIn.Members.Count >= placedIn.Quorum)
        {
            return;
        }

        _reoptimisation = this.RegisterGrainTimer(
            async () =>
            {
                _reoptimisation?.Dispose();
                _reoptimisation = null;
                await Reoptimise();
            },
            options.Value.ReoptimiseAfter,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// A new pool is saved here too: its id was just made, so no grain of it is active or needs to be
    /// (it is activated when someone asks for the pool, or its deadline comes).
    /// </summary>
    private async Task<PlacementOutcome> StartNewPool(CareRequest request, PoolMember member, Guid poolId, IReadOnlyList<PoolMove> moves)
    {
        // The id is taken, whatever happens next.
        _spareId = Guid.Empty;
        var pool = DemandPool.Start(poolId, _municipalityCode, _category, member, time.GetUtcNow());
        if (pool.BiddingClosesAt is { } closesAt)
        {
            // A quorum of one: the pool opens for bids at once.
            await KeepDeadline(poolId, closesAt);
        }

        await store.SaveAsync(pool, request);
        pool.MarkSaved();
        if (pool.IsJoinable)
        {
            _joinable[poolId] = pool;
        }

        Publish(PoolMessages.Placed(pool, request.Id, request.FamilyId, startedNewPool: true));
        var completed = moves.Count > 0 ? await Complete(poolId, moves) : null;
        if (_joinable.TryGetValue(poolId, out var started))
        {
            ReoptimiseSoonIfWaiting(started);
        }

        MatchingMetrics.Placed(_category.Code, startedPool: true, completed is null ? 0 : moves.Count);
        return new PlacementOutcome(request.Id, completed ?? pool.ToSnapshot(_category.Mode), StartedNewPool: true);
    }

    public Task HoldDeadline(Guid poolId, DateTimeOffset closesAt) => KeepDeadline(poolId, closesAt);

    /// <summary>
    /// Makes the deadline reminder tick by <paramref name="closesAt"/>, before the pool with that
    /// deadline is saved. Once it ticks every minute (a pool open for bids), a later deadline needs no
    /// write at all: placements that open pools store nothing more than the pool.
    /// </summary>
    private Task KeepDeadline(Guid poolId, DateTimeOffset closesAt) => OneAtATime(async () =>
    {
        // Held until a tick sees the pool saved with it (or a period has passed): ticks prune, not every hold.
        var now = time.GetUtcNow();
        _held[poolId] = (closesAt, now);
        if (_nextTick is { } next && next <= closesAt)
        {
            return;
        }

        var due = closesAt;
        if (_nextTick is null)
        {
            // A reminder stored by an earlier activation may be due sooner: never move it later.
            foreach (var stored in await store.ListDeadlinesAsync(_municipalityCode, _category.Code))
            {
                due = stored.ClosesAt < due ? stored.ClosesAt : due;
            }
        }

        await Arm(due);
    });

    /// <summary>The reminder ticks: every pool whose deadline has passed closes its bidding (in its own grain), then the next tick is set.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != BiddingDeadlines)
        {
            return;
        }

        // From here the reminder next ticks a period away, unless re-armed for a nearer deadline.
        var now = time.GetUtcNow();
        await OneAtATime(() =>
        {
            _nextTick = now + DeadlineTick;
            return Task.CompletedTask;
        });
        var deadlines = await store.ListDeadlinesAsync(_municipalityCode, _category.Code);
        var closed = false;
        foreach (var deadline in deadlines)
        {
            if (deadline.ClosesAt > now)
            {
                continue;
            }

            try
            {
                closed = true;
                await GrainFactory.GetGrain<IDemandPoolGrain>(deadline.PoolId).CloseBiddingIfDue();
                await Refresh(deadline.PoolId);
            }
            catch (Exception ex)
            {
                // The reminder ticks again within a period and tries again.
                logger.LogWarning(ex, "Could not close bidding on pool {PoolId}", deadline.PoolId);
            }
        }

        // Most ticks close nothing (one a minute while deadlines are days away): the list just read still holds.
        await Rearm(closed ? null : deadlines);
    }

    /// <summary>
    /// After a tick: the reminder goes when no pool has a deadline (nor one held and not yet seen
    /// saved), is moved nearer when the next deadline is less than a period away, and otherwise
    /// keeps ticking as it is, with no write.
    /// </summary>
    /// <param name="stored">The deadlines as just read, when nothing closed since; null to read them.</param>
    private Task Rearm(IReadOnlyList<PoolDeadline>? stored) => OneAtATime(async () =>
    {
        var now = time.GetUtcNow();
        stored ??= await store.ListDeadlinesAsync(_municipalityCode, _category.Code);
        ForgetHeld(now, stored);

        DateTimeOffset? next = null;
        foreach (var closesAt in stored.Select(d => d.ClosesAt).Concat(_held.Values.Select(h => h.ClosesAt)))
        {
            next = next is { } earliest && earliest <= closesAt ? earliest : closesAt;
        }

        if (next is null)
        {
            if (await this.GetReminder(BiddingDeadlines) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _nextTick = null;
        }
        else if (next > now && (_nextTick is not { } tick || tick - next > StoredPrecision))
        {
            await Arm(next.Value);
        }
    });

    /// <summary>A held deadline is needed only until its pool is saved: forgotten once the table shows it, or a period after it was held (a save takes far less).</summary>
    private void ForgetHeld(DateTimeOffset now, IReadOnlyList<PoolDeadline> stored)
    {
        if (_held.Count == 0)
        {
            return;
        }

        var saved = new Dictionary<Guid, DateTimeOffset>(stored.Count);
        foreach (var deadline in stored)
        {
            saved[deadline.PoolId] = deadline.ClosesAt;
        }

        // Removing while enumerating is allowed for a dictionary's own enumerator.
        foreach (var (poolId, (closesAt, heldAt)) in _held)
        {
            if (now - heldAt > DeadlineTick || (saved.TryGetValue(poolId, out var savedAt) && (savedAt - closesAt).Duration() < StoredPrecision))
            {
                _held.Remove(poolId);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> after the deadline work already started, whatever became of it.</summary>
    private Task OneAtATime(Func<Task> work)
    {
        var run = After(_deadlineWork, work);
        _deadlineWork = run;
        return run;

        static async Task After(Task before, Func<Task> work)
        {
            try
            {
                await before;
            }
            catch
            {
                // Its own caller was told.
            }

            await work();
        }
    }

    private async Task Arm(DateTimeOffset due)
    {
        var dueIn = due - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(BiddingDeadlines, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, DeadlineTick);
        _nextTick = due;
    }

    public async Task Watch(Guid poolId, Guid activation, long version)
    {
        _watchers[poolId] = (activation, version);

        // Saved here after the grain read it? Then it reads again. A pool no longer joinable is not
        // copied here, so its grain reads again in any case (it happens once per activation).
        var saved = _joinable.TryGetValue(poolId, out var copy) ? copy.Version : long.MaxValue;
        if (saved > version)
        {
            await Tell(poolId, saved);
        }
    }

    public Task Unwatch(Guid poolId, Guid activation)
    {
        if (_watchers.TryGetValue(poolId, out var watcher) && watcher.Activation == activation)
        {
            _watchers.Remove(poolId);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Nobody will tell these grains of changes any more: they drop their copies.
        foreach (var poolId in _watchers.Keys)
        {
            GrainFactory.GetGrain<IDemandPoolGrain>(poolId).Forget().Ignore();
        }

        return Task.CompletedTask;
    }

    /// <summary>A pool grain that keeps a copy of this pool reads the version just saved here.</summary>
    private Task Tell(DemandPool pool) => Tell(pool.Id, pool.Version);

    private async Task Tell(Guid poolId, long version)
    {
        if (!_watchers.TryGetValue(poolId, out var watcher) || watcher.Version >= version)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).Changed(version);
            _watchers[poolId] = watcher with { Version = version };
        }
        catch (Exception ex)
        {
            // Its next save will meet the newer version and read it then.
            logger.LogWarning(ex, "Could not tell the grain of pool {PoolId} of version {Version}", poolId, version);
        }
    }

    private void Publish(ImmutableArray<LiveMessage> messages) => outbox.Post(messages);

    private async Task Refresh(Guid poolId)
    {
        var pool = await store.FindAsync(poolId);
        if (pool is { IsJoinable: true })
        {
            _joinable[poolId] = pool;
        }
        else
        {
            _joinable.Remove(poolId);
        }
    }

    private void ForgetIfFull(DemandPool pool)
    {
        if (!pool.IsJoinable)
        {
            _joinable.Remove(pool.Id);
        }
    }

    private enum Saved
    {
        Yes,

        /// <summary>The pool changed meanwhile: decide again with the fresh copy.</summary>
        Stale,

        /// <summary>The rules say no (they should not, the decision was made on the copy): try another pool.</summary>
        Refused,
    }
}
