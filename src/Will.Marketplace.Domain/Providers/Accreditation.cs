namespace Will.Marketplace.Domain.Providers;

/// <summary>
/// A municipality's accreditation of a provider for one category: a level (1 basic, 2 good,
/// 3 excellent), valid until a date; a suspension takes effect at once.
/// </summary>
public sealed record Accreditation(Guid ProviderId, string MunicipalityCode, string CategoryCode, int Level, DateOnly ValidUntil, DateTimeOffset? SuspendedAt)
{
    public const int MinLevel = 1;
    public const int MaxLevel = 3;

    public bool IsActiveOn(DateOnly day) => SuspendedAt is null && day <= ValidUntil && Level is >= MinLevel and <= MaxLevel;
}
