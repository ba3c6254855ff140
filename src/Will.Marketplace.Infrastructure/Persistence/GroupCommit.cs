using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Will.Marketplace.Infrastructure.Persistence;

/// <summary>
/// Group commit for the hot writes (placements, reminders). A write is a function that stages its
/// changes in a context, reading what it needs; writes arriving while a transaction is being written
/// wait, then are staged together in one context and saved in one transaction: one commit, so one
/// flush to disk, for all of them. Each caller is answered only after the transaction holding its
/// write has committed, so nothing is acknowledged before it is durable. A batch that fails (a pool
/// changed meanwhile, a request placed twice) is written again one write per transaction, so only
/// the write at fault fails, with its own error. A lone caller waits for nobody.
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable, IDisposable
{
    /// <summary>Writes per transaction at most: bounds the transaction a failure has to redo.</summary>
    internal const int MaxBatch = 64;

    /// <summary>The meter this writer reports on, for whoever collects metrics (and the tests).</summary>
    public const string MeterName = "Will.Marketplace.Persistence";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> PerCommit = Meter.CreateHistogram<int>(
        "will.writes.per_commit", unit: "{write}", description: "Writes committed by one transaction (group commit).");

    private static readonly Counter<int> Redone = Meter.CreateCounter<int>(
        "will.writes.batches_redone", unit: "{batch}", description: "Batches that failed as a whole and were written again one write at a time.");

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "will.writes.commit_duration", unit: "ms", description: "Time to write and commit one group-commit transaction.");

    private readonly IDbContextFactory<MarketplaceDbContext> _contexts;
    private readonly ILogger<GroupCommit> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommit(IDbContextFactory<MarketplaceDbContext> contexts, ILogger<GroupCommit> logger)
    {
        (_contexts, _logger) = (contexts, logger);
        _loop = Task.Run(Run);
    }

    /// <summary>
    /// Stages <paramref name="stage"/> with others and commits; completes with what the stage
    /// returned once committed, or fails with the reason it was not. <paramref name="key"/> names
    /// what the write changes (a pool, a reminder): two writes with the same key never share a
    /// transaction. The stage may run more than once (a retry, a batch redone): it must add its
    /// changes afresh each time, to the context it is given.
    /// </summary>
    public async Task<T> WriteAsync<T>(string key, Func<MarketplaceDbContext, Task<T>> stage, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(key, async db => await stage(db), new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The database writer has stopped.");
        }

        // Once queued the write is not withdrawn: a caller that stopped waiting may still find it saved.
        return (T)(await pending.Saved.Task)!;
    }

    /// <summary><see cref="WriteAsync{T}"/> for a write that only adds or changes rows.</summary>
    public Task WriteAsync(string key, Func<MarketplaceDbContext, Task> stage, CancellationToken cancellationToken = default) =>
        WriteAsync<object?>(key, async db =>
        {
            await stage(db);
            return null;
        }, cancellationToken);

    /// <summary>Takes no more writes and waits for those queued to be written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task Run()
    {
        var reader = _queue.Reader;

        // A write whose key is already in the batch being gathered starts the next one instead.
        Pending? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            var batch = new List<Pending>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            if (carried is not null)
            {
                (batch, carried) = ([carried], null);
                keys.Add(batch[0].Key);
            }

            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                if (!keys.Add(next.Key))
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
            }

            await WriteBatch(batch);
        }
    }

    private async Task WriteBatch(List<Pending> batch)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var results = await WriteTogether(batch);
            CommitDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            PerCommit.Record(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Saved.TrySetResult(results[i]);
            }

            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            Redone.Add(1);
            _logger.LogDebug(ex, "A batch of {Count} writes failed; writing them one by one", batch.Count);
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
                var results = await WriteTogether([pending]);
                PerCommit.Record(1);
                pending.Saved.TrySetResult(results[0]);
            }
            catch (Exception ex)
            {
                pending.Saved.TrySetException(ex);
            }
        }
    }

    private async Task<object?[]> WriteTogether(IReadOnlyList<Pending> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var results = new object?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await batch[i].Stage(db);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return results;
        });
    }

    private sealed record Pending(string Key, Func<MarketplaceDbContext, Task<object?>> Stage, TaskCompletionSource<object?> Saved);
}
