namespace Will.Marketplace.Domain.Billing;

/// <summary>An ISEE band: families with an ISEE up to <see cref="MaxIseeCents"/> get this coverage, up to the monthly cap.</summary>
public sealed record IseeBand(long MaxIseeCents, int CoveragePercent, long MonthlyCapCents);

/// <summary>
/// A municipality's subsidy programme for some categories: validity dates, a budget, and ISEE bands.
/// A family falls in the first band (by ascending ceiling) its ISEE fits; above every band, no subsidy.
/// </summary>
public sealed record SubsidyProgramme(Guid Id, string MunicipalityCode, IReadOnlySet<string> Categories, DateOnly From, DateOnly To, long BudgetCents, IReadOnlyList<IseeBand> Bands)
{
    public bool Covers(string categoryCode, DateOnly day) => Categories.Contains(categoryCode) && day >= From && day <= To;

    public SubsidyRule? RuleFor(long iseeCents) =>
        Bands.OrderBy(b => b.MaxIseeCents).FirstOrDefault(b => iseeCents <= b.MaxIseeCents) is { } band
            ? new SubsidyRule(band.CoveragePercent, band.MonthlyCapCents)
            : null;
}

/// <summary>A family's claim on a programme's budget for one period; <see cref="Reference"/> tells apart one family's claims for several orders.</summary>
public sealed record SubsidyClaim(Guid FamilyId, long IseeCents, long RequestedCents, Guid Reference = default);

/// <summary>What a claim was granted; less than requested when the budget ran short.</summary>
public sealed record SubsidyGrant(Guid FamilyId, long GrantedCents, bool ShortOfBudget, Guid Reference = default);

/// <summary>
/// When a budget cannot pay every claim, the written rule decides: lowest ISEE first (ties by
/// family id), each claim in full while the budget lasts, the next one gets what is left, the rest
/// nothing. The budget is never overspent and the result does not depend on the order of claims.
/// </summary>
public static class BudgetAllocation
{
    public static IReadOnlyList<SubsidyGrant> Allocate(long remainingBudgetCents, IReadOnlyList<SubsidyClaim> claims)
    {
        var left = Math.Max(0, remainingBudgetCents);
        var grants = new List<SubsidyGrant>(claims.Count);
        foreach (var claim in claims.OrderBy(c => c.IseeCents).ThenBy(c => c.FamilyId).ThenBy(c => c.Reference))
        {
            var wanted = Math.Max(0, claim.RequestedCents);
            var granted = Math.Min(wanted, left);
            left -= granted;
            grants.Add(new SubsidyGrant(claim.FamilyId, granted, granted < wanted, claim.Reference));
        }

        return grants;
    }
}
