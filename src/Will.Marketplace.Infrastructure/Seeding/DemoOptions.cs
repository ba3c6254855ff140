namespace Will.Marketplace.Infrastructure.Seeding;

/// <summary>Section "Demo": demo accounts and requests, for the embedded default only.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Null means "on when the database is SQLite".</summary>
    public bool? Enabled { get; set; }

    public string Password { get; set; } = "Will-demo-2026";

    public int FamiliesPerCity { get; set; } = 6;

    /// <summary>Seed a few requests so that pools exist when the app first opens.</summary>
    public bool SeedRequests { get; set; } = true;
}
