using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Stores;

/// <summary>
/// One placement: the pool's new state (inserted when <paramref name="ExpectedVersion"/> is 0, else
/// updated only if its stored version is still that one), the request and its membership inserted.
/// <paramref name="Rows"/> makes fresh rows for each attempt, so a failed attempt leaves nothing behind.
/// </summary>
internal sealed record PlacementRows(Guid PoolId, long ExpectedVersion, Func<(PoolRecord Pool, RequestRecord Request, PoolMembershipRecord Membership)> Rows);

/// <summary>
/// Group commit for the hot path. Placements arriving while a transaction is being written wait,
/// then go together in the next one: one commit, so one flush to disk, for all of them. Each caller
/// is answered only after the transaction holding its placement has committed, so nothing is
/// acknowledged before it is durable. A batch that fails (a pool changed meanwhile, a request
/// placed twice) is written again one placement per transaction, so only the placement at fault
/// fails, with its own error. A lone caller waits for nobody: its batch is just itself.
/// </summary>
internal sealed class PlacementWriter : IAsyncDisposable
{
    /// <summary>Placements per transaction at most: bounds the transaction a failure has to redo.</summary>
    internal const int MaxBatch = 64;

    /// <summary>The meter this writer reports on, for whoever collects metrics (and the tests).</summary>
    public const string MeterName = "Will.Marketplace.Persistence";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> PerCommit = Meter.CreateHistogram<int>(
        "will.placements.per_commit", unit: "{placement}", description: "Placements written by one transaction (group commit).");

    private readonly IDbContextFactory<MarketplaceDbContext> _contexts;
    private readonly ILogger<PlacementWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public PlacementWriter(IDbContextFactory<MarketplaceDbContext> contexts, ILogger<PlacementWriter> logger)
    {
        (_contexts, _logger) = (contexts, logger);
        _loop = Task.Run(Run);
    }

    /// <summary>Completes once the placement is committed; fails with the reason it was not.</summary>
    public Task WriteAsync(PlacementRows rows, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PlacementWriter), "The placement writer has stopped.");
        }

        // Once queued the write is not withdrawn: a caller that stopped waiting may still find it saved.
        return pending.Saved.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task Run()
    {
        var reader = _queue.Reader;
        var held = new Queue<Pending>();
        while (held.Count > 0 || await reader.WaitToReadAsync())
        {
            // A pool's placements are answered one at a time by its grain, so it appears at most once
            // per batch; should it ever appear twice, the second waits for the next batch.
            var batch = new List<Pending>();
            var pools = new HashSet<Guid>();
            var later = new Queue<Pending>();
            while (batch.Count < MaxBatch && (held.TryDequeue(out var next) || reader.TryRead(out next)))
            {
                if (pools.Add(next.Rows.PoolId))
                {
                    batch.Add(next);
                }
                else
                {
                    later.Enqueue(next);
                }
            }

            while (held.TryDequeue(out var remaining))
            {
                later.Enqueue(remaining);
            }

            held = later;
            await WriteBatch(batch);
        }
    }

    private async Task WriteBatch(List<Pending> batch)
    {
        try
        {
            await WriteTogether(batch);
            PerCommit.Record(batch.Count);
            foreach (var pending in batch)
            {
                pending.Saved.TrySetResult();
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _logger.LogDebug(ex, "A batch of {Count} placements failed; writing them one by one", batch.Count);
        }
        catch (Exception ex)
        {
            batch[0].Saved.TrySetException(ex);
            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                await WriteTogether([pending]);
                PerCommit.Record(1);
                pending.Saved.TrySetResult();
            }
            catch (Exception ex)
            {
                pending.Saved.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One transaction. A pool already stored is attached at the version its grain loaded and
    /// updated in full, so the update's version check fails the whole batch if anyone changed it.
    /// </summary>
    private async Task WriteTogether(IReadOnlyList<Pending> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            foreach (var rows in batch.Select(p => p.Rows))
            {
                var (pool, request, membership) = rows.Rows();
                if (rows.ExpectedVersion == 0)
                {
                    db.Pools.Add(pool);
                }
                else
                {
                    var entry = db.Pools.Attach(pool);
                    entry.Property(p => p.Version).OriginalValue = rows.ExpectedVersion;
                    foreach (var property in entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name is not nameof(PoolRecord.CreatedAt)))
                    {
                        property.IsModified = true;
                    }
                }

                db.Requests.Add(request);
                db.PoolMemberships.Add(membership);
            }

            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new ConcurrencyConflictException($"A pool was changed elsewhere ({string.Join(", ", ex.Entries.Select(e => e.Property(nameof(PoolRecord.Id)).CurrentValue))}).", ex);
            }
        });
    }

    private sealed record Pending(PlacementRows Rows, TaskCompletionSource Saved);
}
