using Microsoft.AspNetCore.Identity;

namespace Will.Marketplace.Infrastructure.Identity;

/// <summary>A person who signs in. Families, provider staff and municipal staff belong to a municipality.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>ISTAT code; null only for network administrators.</summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>For provider staff: the organisation they act for.</summary>
    public Guid? ProviderId { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name) : base(name)
    {
    }
}
