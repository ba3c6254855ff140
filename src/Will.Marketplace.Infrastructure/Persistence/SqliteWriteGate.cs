using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Will.Marketplace.Infrastructure.Persistence;

/// <summary>
/// SQLite takes one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping
/// 150 ms before it retries. In the embedded default every writer is in this process, so writes
/// queue here instead: one per database file, for a SaveChanges or a whole explicit transaction.
/// The gate is given back on commit, rollback, failure, or at the latest when the connection closes.
/// </summary>
internal sealed class SqliteWriteGate : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate a context holds, for its explicit transaction or its SaveChanges.</summary>
    private static readonly ConditionalWeakTable<DbContext, Holder> Held = [];

    public static SqliteWriteGate Instance { get; } = new();

    private SqliteWriteGate()
    {
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await Enter(eventData.Context, Purpose.SaveChanges, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context, Purpose.SaveChanges, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Purpose.SaveChanges);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Leave(eventData.Context, Purpose.SaveChanges);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Purpose.SaveChanges);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context, Purpose.SaveChanges);

    public void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context, Purpose.SaveChanges);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Purpose.SaveChanges);
        return Task.CompletedTask;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await Enter(eventData.Context, Purpose.Transaction, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context, Purpose.Transaction, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context, Purpose.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Purpose.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData.Context, Purpose.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Purpose.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(eventData.Context, Purpose.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, Purpose.Transaction);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A transaction disposed after an exception, without commit or rollback, raises no transaction
    /// event; its connection still closes when the context goes, and then the gate is given back.
    /// </summary>
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => LeaveAny(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        LeaveAny(eventData.Context);
        return Task.CompletedTask;
    }

    private static void LeaveAny(DbContext? context)
    {
        if (context is not null && Held.TryGetValue(context, out var holder))
        {
            Held.Remove(context);
            holder.Gate.Release();
        }
    }

    private static async ValueTask Enter(DbContext? context, Purpose purpose, CancellationToken cancellationToken)
    {
        if (context is null || Held.TryGetValue(context, out _))
        {
            return; // already inside this context's transaction
        }

        var gate = Gates.GetOrAdd(context.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        Held.AddOrUpdate(context, new Holder(gate, purpose));
    }

    private static void Leave(DbContext? context, Purpose purpose)
    {
        if (context is not null && Held.TryGetValue(context, out var holder) && holder.Purpose == purpose)
        {
            Held.Remove(context);
            holder.Gate.Release();
        }
    }

    private enum Purpose
    {
        SaveChanges,
        Transaction,
    }

    private sealed record Holder(SemaphoreSlim Gate, Purpose Purpose);
}
