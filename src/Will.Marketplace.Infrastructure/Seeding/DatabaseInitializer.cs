using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Infrastructure.Seeding;

/// <summary>Brings the database to the current migration and makes sure the reference data is there.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<MarketplaceDbContext> contexts,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead log: readers no longer wait for a writer, and a commit is one append and one
            // fsync (synchronous stays FULL, so an acknowledged change survives a power cut). The mode is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await UpsertReferenceData(db, cancellationToken);
        logger.LogInformation("Database ready on {Provider}", options.Value.Provider);
    }

    private static async Task UpsertReferenceData(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var cities = await db.Municipalities.Select(m => m.Code).ToListAsync(cancellationToken);
        db.Municipalities.AddRange(ReferenceData.Municipalities.Where(m => !cities.Contains(m.Code)).Select(Clone));
        var categories = await db.Categories.Select(c => c.Code).ToListAsync(cancellationToken);
        db.Categories.AddRange(ReferenceData.Categories.Where(c => !categories.Contains(c.Code)).Select(Clone));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Each context tracks its own instances; the shared lists stay untouched.
    private static T Clone<T>(T record) where T : class =>
        System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(record))!;
}
