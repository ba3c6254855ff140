using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Will.Marketplace.Infrastructure.Persistence;

/// <summary>
/// Plain single-row INSERT and UPDATE statements for the hottest writes (a request placed, a
/// bidding deadline registered), run on the context's open transaction without change tracking. Everything provider
/// specific comes from the EF model of that context: table and column names, identifier quoting,
/// parameter names, and each column's type mapping with its value converter (SQLite keeps
/// DateTimeOffset as ticks, for instance), so one code path serves SQLite, SQL Server and PostgreSQL.
/// Change tracking cost about as much as the rest of a group commit together (measured in
/// docs/benchmarks.md). Statements are built once per row type and model (so per provider), and
/// prepared once per context lease: a group commit runs the same few statements for every write of
/// its batch.
/// </summary>
internal static class RowSql
{
    // Keyed by the context's model, one per provider: the provider's name is read by reflection on every call.
    private static readonly ConcurrentDictionary<(Type Row, IModel Model, string Kind), Statement> Statements = new();

    public static Task InsertAsync<TRow>(MarketplaceDbContext db, TRow row, CancellationToken cancellationToken = default)
        where TRow : class =>
        ExecuteAsync(db, Statements.GetOrAdd((typeof(TRow), db.Model, "insert"), _ => BuildInsert(db, typeof(TRow))), row, expectedVersion: null, cancellationToken);

    /// <summary>
    /// Updates every column of the row but its key and <see cref="VersionedUpdate.Unchanged"/>, where
    /// its <see cref="VersionedUpdate.VersionProperty"/> still holds <paramref name="expectedVersion"/>;
    /// no row updated (changed elsewhere, or gone) is a <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static async Task UpdateAsync<TRow>(MarketplaceDbContext db, TRow row, VersionedUpdate update, long expectedVersion, CancellationToken cancellationToken = default)
        where TRow : class
    {
        var statement = Statements.GetOrAdd((typeof(TRow), db.Model, update.Key),
            _ => BuildUpdate(db, typeof(TRow), update.VersionProperty, update.Unchanged));
        if (await ExecuteAsync(db, statement, row, expectedVersion, cancellationToken) != 1)
        {
            throw new DbUpdateConcurrencyException($"{typeof(TRow).Name} was changed elsewhere (expected {update.VersionProperty} {expectedVersion}).");
        }
    }

    /// <summary>Updates every column of the row but its key; false when there is no such row.</summary>
    public static async Task<bool> TryUpdateAsync<TRow>(MarketplaceDbContext db, TRow row, CancellationToken cancellationToken = default)
        where TRow : class
    {
        var statement = Statements.GetOrAdd((typeof(TRow), db.Model, "update"), _ => BuildUpdate(db, typeof(TRow), versionProperty: null, []));
        return await ExecuteAsync(db, statement, row, expectedVersion: null, cancellationToken) == 1;
    }

    private static async Task<int> ExecuteAsync(MarketplaceDbContext db, Statement statement, object row, long? expectedVersion, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Row statements run inside the caller's transaction.");
        var command = db.RowCommand(statement, statement.Sql);
        command.Transaction = transaction.GetDbTransaction();
        command.Parameters.Clear();
        for (var i = 0; i < statement.Columns.Length; i++)
        {
            var column = statement.Columns[i];
            command.Parameters.Add(column.Mapping.CreateParameter(command, column.ParameterName, column.Property.GetValue(row), column.Nullable));
        }

        if (statement.Version is { } version)
        {
            command.Parameters.Add(version.Mapping.CreateParameter(command, version.ParameterName, expectedVersion, nullable: false));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Statement BuildInsert(DbContext db, Type rowType)
    {
        var (entity, table, sql) = Describe(db, rowType);
        var columns = Columns(entity, table, sql, entity.GetProperties()).ToArray();
        var text = new StringBuilder("INSERT INTO ").Append(Table(entity, sql)).Append(" (")
            .AppendJoin(", ", columns.Select(c => c.Name)).Append(") VALUES (")
            .AppendJoin(", ", columns.Select(c => c.Placeholder)).Append(')');
        return new Statement(text.ToString(), columns, null);
    }

    private static Statement BuildUpdate(DbContext db, Type rowType, string? versionProperty, string[] unchanged)
    {
        var (entity, table, sql) = Describe(db, rowType);
        var key = entity.FindPrimaryKey()!.Properties;
        var set = Columns(entity, table, sql, entity.GetProperties().Where(p => !key.Contains(p) && !unchanged.Contains(p.Name))).ToArray();
        var where = Columns(entity, table, sql, key, first: set.Length).ToArray();
        var text = new StringBuilder("UPDATE ").Append(Table(entity, sql)).Append(" SET ")
            .AppendJoin(", ", set.Select(c => $"{c.Name} = {c.Placeholder}")).Append(" WHERE ")
            .AppendJoin(" AND ", where.Select(c => $"{c.Name} = {c.Placeholder}"));
        if (versionProperty is null)
        {
            return new Statement(text.ToString(), [.. set, .. where], null);
        }

        var versionColumn = entity.FindProperty(versionProperty) ?? throw new InvalidOperationException($"{rowType.Name} has no {versionProperty}.");
        var expected = new Column(null!, versionColumn.GetRelationalTypeMapping(), sql.DelimitIdentifier(versionColumn.GetColumnName(table)!),
            sql.GenerateParameterName("expected"), sql.GenerateParameterNamePlaceholder("expected"), false);
        text.Append(" AND ").Append(expected.Name).Append(" = ").Append(expected.Placeholder);
        return new Statement(text.ToString(), [.. set, .. where], expected);
    }

    private static (IEntityType Entity, StoreObjectIdentifier Table, ISqlGenerationHelper Sql) Describe(DbContext db, Type rowType)
    {
        var entity = db.Model.FindEntityType(rowType) ?? throw new InvalidOperationException($"{rowType.Name} is not in the model.");
        if (entity.GetProperties().Any(p => p.IsShadowProperty() || p.PropertyInfo is null))
        {
            throw new InvalidOperationException($"{rowType.Name} has columns with no property; write it through the change tracker.");
        }

        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), db.GetService<ISqlGenerationHelper>());
    }

    private static string Table(IEntityType entity, ISqlGenerationHelper sql) => sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());

    private static IEnumerable<Column> Columns(IEntityType entity, StoreObjectIdentifier table, ISqlGenerationHelper sql, IEnumerable<IProperty> properties, int first = 0) =>
        properties.Select((p, i) => new Column(
            p.PropertyInfo!,
            p.GetRelationalTypeMapping(),
            sql.DelimitIdentifier(p.GetColumnName(table)!),
            sql.GenerateParameterName($"p{first + i}"),
            sql.GenerateParameterNamePlaceholder($"p{first + i}"),
            p.IsNullable));

    private sealed record Column(PropertyInfo Property, RelationalTypeMapping Mapping, string Name, string ParameterName, string Placeholder, bool Nullable);

    private sealed record Statement(string Sql, Column[] Columns, Column? Version);
}

/// <summary>
/// An update checked against a version column, leaving some columns as they are
/// (<see cref="RowSql.UpdateAsync"/>): made once by its caller and kept, so that the statement's key
/// is not built again for every write.
/// </summary>
internal sealed class VersionedUpdate(string versionProperty, params string[] unchanged)
{
    public string VersionProperty { get; } = versionProperty;

    public string[] Unchanged { get; } = unchanged;

    internal string Key { get; } = "update:" + versionProperty + ":" + string.Join(',', unchanged);
}
