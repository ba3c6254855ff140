using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the app; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MarketplaceDbContext>
{
    public MarketplaceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = "Data Source=design-time.db",
        });
        return new MarketplaceDbContext(options.Options);
    }
}
