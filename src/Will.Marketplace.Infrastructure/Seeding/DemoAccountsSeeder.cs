using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Infrastructure.Seeding;

/// <summary>
/// Demo accounts for the ten cities: family.N@city.demo, provider.1/2@city.demo, staff@city.demo
/// and admin@demo, all with the one demo password. Created once; never on a server database
/// unless asked for explicitly.
/// </summary>
public sealed class DemoAccountsSeeder(
    MarketplaceDbContext db,
    IPasswordHasher<AppUser> hasher,
    IOptions<DemoOptions> options,
    ILogger<DemoAccountsSeeder> logger)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var roles = Roles.All.ToDictionary(r => r, r => new AppRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);

        // One hash serves every demo account: hashing is deliberately slow, and the password is shared anyway.
        var hash = hasher.HashPassword(new AppUser(), options.Value.Password);
        var users = new List<(AppUser User, string Role)> { (User("admin@demo", "Amministrazione rete WILL", null, hash), Roles.Admin) };
        foreach (var city in ReferenceData.Municipalities)
        {
            var domain = ReferenceData.DemoDomain(city);
            users.Add((User($"staff@{domain}", $"Ufficio welfare {city.Name}", city.Code, hash), Roles.Staff));
            users.Add((User($"provider.1@{domain}", $"Cooperativa Sociale Aurora ({city.Name})", city.Code, hash), Roles.Provider));
            users.Add((User($"provider.2@{domain}", $"Cooperativa Il Girasole ({city.Name})", city.Code, hash), Roles.Provider));
            for (var n = 1; n <= options.Value.FamiliesPerCity; n++)
            {
                users.Add((User($"family.{n}@{domain}", FamilyNames[(n - 1) % FamilyNames.Length], city.Code, hash), Roles.Family));
            }
        }

        db.Users.AddRange(users.Select(u => u.User));
        db.UserRoles.AddRange(users.Select(u => new IdentityUserRole<Guid> { UserId = u.User.Id, RoleId = roles[u.Role].Id }));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} demo accounts", users.Count);
        return true;
    }

    private static readonly string[] FamilyNames = ["Famiglia Rossi", "Famiglia Bianchi", "Famiglia Colombo", "Famiglia Ferrari", "Famiglia Esposito", "Famiglia Romano", "Famiglia Ricci", "Famiglia Marino"];

    private static AppUser User(string email, string displayName, string? municipalityCode, string passwordHash) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = displayName,
        MunicipalityCode = municipalityCode,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true,
    };
}
