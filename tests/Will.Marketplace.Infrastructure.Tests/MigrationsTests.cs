using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    [Test]
    public void SqlServer_Migrations_GenerateAScriptFromEmpty()
    {
        using var db = ContextFor(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;User Id=u;Password=p;TrustServerCertificate=True");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.That(script, Does.Contain("CREATE TABLE [DemandPools]"));
        Assert.That(script, Does.Contain("CREATE TABLE [AspNetUsers]"));
    }
}
