using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the app; no connection is opened.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MarketplaceDbContext>
{
    public MarketplaceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseProvider.SqlServer,
            ConnectionString = "Server=localhost;Database=will;Trusted_Connection=True;TrustServerCertificate=True",
        });
        return new MarketplaceDbContext(options.Options);
    }
}
