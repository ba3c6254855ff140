using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Providers;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Seeding;

/// <summary>
/// Demo accounts for the ten cities: family.N@city.demo, provider.1/2@city.demo (two cooperatives,
/// accredited for every category in their city), staff@city.demo and admin@demo, all with the one
/// demo password. Created once; never on a server database
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
        var now = DateTimeOffset.UtcNow;
        foreach (var (city, index) in ReferenceData.Municipalities.Select((c, i) => (c, i)))
        {
            var domain = ReferenceData.DemoDomain(city);
            var staff = User($"staff@{domain}", $"Ufficio welfare {city.Name}", city.Code, hash);
            users.Add((staff, Roles.Staff));
            foreach (var (n, name, level, capacity) in new[] { (1, "Cooperativa Sociale Aurora", 3, 40), (2, "Cooperativa Il Girasole", 2, 12) })
            {
                var provider = DemoProvider($"{name} ({city.Name})", $"0{index:00}{n:0}000{city.Code[3..]}", city.Code, capacity, now);
                db.Providers.Add(provider);
                db.Accreditations.AddRange(ReferenceData.Categories.Select(c => new AccreditationRecord
                {
                    ProviderId = provider.Id, MunicipalityCode = city.Code, CategoryCode = c.Code, Level = level,
                    ValidUntil = ItalianCalendar.DayOf(now).AddYears(2), GrantedAt = now, GrantedBy = staff.Id,
                }));
                var user = User($"provider.{n}@{domain}", provider.LegalName, city.Code, hash);
                user.ProviderId = provider.Id;
                users.Add((user, Roles.Provider));
            }

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

    /// <summary>
    /// A subsidy programme per city for this year, every category, three ISEE bands, so the demo bills
    /// show a subsidy once a family's ISEE is declared and verified. Only on an empty programme table.
    /// </summary>
    public async Task SeedProgrammesAsync(CancellationToken cancellationToken)
    {
        if (await db.SubsidyProgrammes.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var year = now.UtcDateTime.Year;
        db.SubsidyProgrammes.AddRange(ReferenceData.Municipalities.Select(city => new SubsidyProgrammeRecord
        {
            Id = Guid.CreateVersion7(),
            MunicipalityCode = city.Code,
            Name = $"Buono servizi condivisi {city.Name} {year}",
            Categories = string.Join(',', ReferenceData.Categories.Select(c => c.Code)),
            ValidFrom = new DateOnly(year, 1, 1),
            ValidTo = new DateOnly(year + 1, 12, 31),
            BudgetCents = 5_000_000,
            Bands = Billing.ProgrammeJson.Bands([new(1_000_000, 60, 25_000), new(2_000_000, 40, 15_000), new(3_500_000, 20, 8_000)]),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly string[] FamilyNames = ["Famiglia Rossi", "Famiglia Bianchi", "Famiglia Colombo", "Famiglia Ferrari", "Famiglia Esposito", "Famiglia Romano", "Famiglia Ricci", "Famiglia Marino"];

    /// <summary>A demo organisation with a well-formed partita IVA, offering every category in its city.</summary>
    private static ProviderRecord DemoProvider(string legalName, string tenDigits, string municipalityCode, int capacity, DateTimeOffset now)
    {
        var vat = ItalianTaxIds.WithCheckDigit(tenDigits);
        return new ProviderRecord
        {
            Id = Guid.CreateVersion7(),
            LegalName = legalName,
            VatNumber = vat,
            FiscalCode = vat,
            Categories = string.Join(',', ReferenceData.Categories.Select(c => c.Code)),
            Coverage = municipalityCode,
            CapacityFamilies = capacity,
            CreatedAt = now,
        };
    }

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
