using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Grains.Matching;

/// <summary>
/// Places requests for one municipality × category. It keeps a copy of the joinable pools so a
/// placement costs no database read; the pool grains own the truth and may still say no, in which
/// case the copy is refreshed and the next best pool is tried. It also moves waiting requests (those
/// in pools below quorum): into a place freed by a withdrawal, and into better groups found by the
/// exact re-optimisation a little after requests start waiting. All joins and moves of its pools go
/// through it, one at a time.
/// </summary>
public sealed class MatchmakerGrain(
    ICategoryCatalog catalog,
    IDemandPoolStore store,
    ISetPackingSolver solver,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<MatchmakerGrain> logger) : Grain, IMatchmakerGrain
{
    private const int MaxAttempts = 5;
    private readonly Dictionary<Guid, DemandPool> _joinable = [];
    private IGrainTimer? _reoptimisation;
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

        var member = PoolMember.From(command.ToDomain(), time.GetUtcNow());
        var newPoolId = Guid.CreateVersion7(time.GetUtcNow());
        var tried = new HashSet<Guid>();
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var decision = Placement.Decide(_category, member, [.. _joinable.Values.Where(p => !tried.Contains(p.Id))], newPoolId);
            if (decision.Pool is not { } best)
            {
                return await StartNewPool(command, newPoolId, decision.Moves);
            }

            tried.Add(best.Id);
            var outcome = await GrainFactory.GetGrain<IDemandPoolGrain>(best.Id).Join(command);
            if (outcome.Joined)
            {
                // The grain saved the join once: the copy follows, so moves can be saved against it.
                best.Join(_category, member, time.GetUtcNow());
                best.MarkSaved();
                ForgetIfFull(best);
                var completed = decision.Moves.Count > 0 ? await Complete(best.Id, decision.Moves) : null;
                ReoptimiseSoonIfWaiting(best);
                return new PlacementOutcome(command.RequestId, completed ?? outcome.Pool!, StartedNewPool: false);
            }

            logger.LogInformation("Pool {PoolId} refused request {RequestId}: {Reason}", best.Id, command.RequestId, outcome.RefusedBecause);
            await Refresh(best.Id);
        }

        return await StartNewPool(command, newPoolId, []);
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
            ? await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).GetSnapshot()
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

            if (pool.Check(_category, member) == Incompatibility.None && source.Release(member.RequestId))
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
                await GrainFactory.GetGrain<IDemandPoolGrain>(pool.Id).HoldDeadline(pool.BiddingClosesAt!.Value);
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

        await Task.WhenAll(change.Changed.Select(p => GrainFactory.GetGrain<IDemandPoolGrain>(p.Id).Reload()));
        var byId = change.Changed.ToDictionary(p => p.Id);
        var notices = change.Moves.Select(m => new LiveMessage(
            LiveMessage.UserTarget(m.FamilyId),
            LiveMessage.PoolNoticeMethod,
            new PoolNotice(m.To, kind, byId[m.To].Status.ToName(), byId[m.To].BiddingClosesAt, m.From)));
        try
        {
            await GrainFactory.GetGrain<IPushNotifierGrain>(0).Publish([.. notices]);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not tell the moved families of {Key}", this.GetPrimaryKeyString());
        }

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

    private async Task<PlacementOutcome> StartNewPool(PlaceRequestCommand command, Guid poolId, IReadOnlyList<PoolMove> moves)
    {
        var outcome = await GrainFactory.GetGrain<IDemandPoolGrain>(poolId).Start(command);
        if (!outcome.Joined)
        {
            throw new InvalidOperationException($"New pool {poolId} refused its first member: {outcome.RefusedBecause}.");
        }

        // The copy is built as the grain built the pool, saved once: no need to read it back.
        var now = time.GetUtcNow();
        var copy = DemandPool.Start(poolId, _municipalityCode, _category, PoolMember.From(command.ToDomain(), now), now);
        copy.MarkSaved();
        if (copy.IsJoinable)
        {
            _joinable[poolId] = copy;
        }

        var completed = moves.Count > 0 ? await Complete(poolId, moves) : null;
        if (_joinable.TryGetValue(poolId, out var started))
        {
            ReoptimiseSoonIfWaiting(started);
        }

        return new PlacementOutcome(command.RequestId, completed ?? outcome.Pool!, StartedNewPool: true);
    }

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
}
