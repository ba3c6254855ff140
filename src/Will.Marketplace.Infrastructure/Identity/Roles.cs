namespace Will.Marketplace.Infrastructure.Identity;

public static class Roles
{
    public const string Family = "family";
    public const string Provider = "provider";
    public const string Staff = "staff";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Family, Provider, Staff, Admin];
}

public static class MarketplaceClaims
{
    /// <summary>The ISTAT code of the user's municipality.</summary>
    public const string Municipality = "municipality";

    public const string DisplayName = "display_name";

    /// <summary>For provider staff: the id of the organisation they act for.</summary>
    public const string Provider = "provider";
}
