using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Will.Marketplace.Infrastructure.Persistence;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>A pooled context factory (grains, stores) plus the scoped context (Identity, endpoints).</summary>
    public static IServiceCollection AddMarketplaceDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite, SqlServer or PostgreSql.")
            .ValidateOnStart();
        services.AddPooledDbContextFactory<MarketplaceDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MarketplaceDbContext>>().CreateDbContext());
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        var migrations = DatabaseOptions.MigrationsAssemblyFor(database.Provider);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(migrations)).AddInterceptors(SqliteWriteGate.Instance),
            DatabaseProvider.SqlServer => options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(migrations).EnableRetryOnFailure()),
            DatabaseProvider.PostgreSql => options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(migrations).EnableRetryOnFailure()),
            _ => throw new InvalidOperationException($"Unknown database provider '{database.Provider}'."),
        };
    }
}
