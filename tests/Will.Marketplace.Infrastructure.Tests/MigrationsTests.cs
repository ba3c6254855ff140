using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Infrastructure.Tests;

/// <summary>Every provider's checked-in migrations match the model: a model change without a migration fails here.</summary>
public sealed class MigrationsTests
{
    private static MarketplaceDbContext ContextFor(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
        return new MarketplaceDbContext(options.Options);
    }

    [TestCase(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [TestCase(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;User Id=u;Password=p;TrustServerCertificate=True")]
    [TestCase(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused;Username=u")]
    public void Model_ForEachProvider_HasNoPendingChanges(DatabaseProvider provider, string connectionString)
    {
        using var db = ContextFor(provider, connectionString);

        var migrations = db.Database.GetMigrations().ToList();

        Assert.That(migrations, Is.Not.Empty, $"{provider} has no migrations");
        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            $"The model changed without a migration for {provider}: run dotnet ef migrations add for src/Will.Marketplace.Migrations.{provider}.");
    }

    /// <summary>
    /// Every foreign key is covered by an index or key that leads with its columns, except the keys
    /// from the rows a placement writes (requests, pools) to the reference data, which no query reads
    /// by and whose indexes cost each placement's commit a page apiece; those keys are still declared.
    /// </summary>
    [TestCase(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [TestCase(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;User Id=u;Password=p;TrustServerCertificate=True")]
    [TestCase(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused;Username=u")]
    public void ForeignKeys_ForEachProvider_AreIndexedButThePlacementRowsReferenceKeys(DatabaseProvider provider, string connectionString)
    {
        using var db = ContextFor(provider, connectionString);
        static bool Leads(IEnumerable<IReadOnlyProperty> covering, IReadOnlyList<IReadOnlyProperty> columns) =>
            covering.Take(columns.Count).SequenceEqual(columns);

        var keys = db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).ToList();
        var unindexed = keys
            .Where(fk => !fk.DeclaringEntityType.GetIndexes().Any(i => Leads(i.Properties, fk.Properties))
                && !fk.DeclaringEntityType.GetKeys().Any(k => Leads(k.Properties, fk.Properties)))
            .Select(fk => $"{fk.DeclaringEntityType.GetTableName()}.{string.Join('+', fk.Properties.Select(p => p.Name))}")
            .Order()
            .ToList();

        Assert.That(unindexed, Is.EqualTo(new[] { "DemandPools.CategoryCode", "Requests.CategoryCode", "Requests.MunicipalityCode" }));
        Assert.That(keys.Count(fk => fk.DeclaringEntityType.GetTableName() is "Requests" or "DemandPools" && fk.PrincipalEntityType.GetTableName() is "Municipalities" or "ServiceCategories"),
            Is.EqualTo(4), "the keys themselves stay");
    }

    /// <summary>The deployable scripts in infra/sql are regenerated whenever a migration is added.</summary>
    [TestCase(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;User Id=u;Password=p;TrustServerCertificate=True", "sqlserver.sql", "CREATE TABLE [DemandPools]")]
    [TestCase(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused;Username=u", "postgresql.sql", "CREATE TABLE \"DemandPools\"")]
    public void InfraScript_ForServerProviders_MatchesTheMigrations(DatabaseProvider provider, string connectionString, string file, string expectedTable)
    {
        using var db = ContextFor(provider, connectionString);

        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var checkedIn = File.ReadAllText(Path.Combine(RepositoryRoot(), "infra", "sql", file));

        Assert.That(generated, Does.Contain(expectedTable));
        Assert.That(Normalize(checkedIn), Is.EqualTo(Normalize(generated)),
            $"infra/sql/{file} is stale: dotnet ef migrations script --idempotent -p src/Will.Marketplace.Migrations.{provider} -s src/Will.Marketplace.Migrations.{provider} -o infra/sql/{file}");
    }

    private static string Normalize(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Will.Marketplace.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
