using CsCheck;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>
/// A generated request: home within about 2 km of Bergamo's centre, attributes sometimes left unset,
/// a wanted start some days before or after <see cref="Samples.Now"/> or none (as soon as possible).
/// </summary>
internal sealed record Candidate(int MetresNorth, int MetresEast, WeeklySchedule Schedule, string? AgeBand, string? Language, int? StartInDays = null, int? Family = null)
{
    public PoolMember ToMember(int index)
    {
        var attributes = new Dictionary<string, string>();
        if (AgeBand is not null)
        {
            attributes["ageBand"] = AgeBand;
        }

        if (Language is not null)
        {
            attributes["language"] = Language;
        }

        return Samples.Member(new Guid(index, 0, 0, new byte[8]), Schedule, Samples.Near(MetresNorth, MetresEast), attributes) with
        {
            WantedStart = StartInDays is { } days ? ItalianCalendar.DayOf(Samples.Now).AddDays(days) : null,
            // Now and then one of a few families sends another request (a pool never takes a family twice).
            FamilyId = Family is { } family ? new Guid(family + 1, 7, 7, new byte[8]) : Guid.NewGuid(),
        };
    }
}

internal static class CandidateGens
{
    /// <summary>The categories the property tests run over, by code: two group categories and a shared-worker one.</summary>
    public static IReadOnlyDictionary<string, ServiceCategory> Categories { get; } =
        new[] { Samples.NannyShare, Samples.AfterSchool, Samples.HomeCare }.ToDictionary(c => c.Code);

    /// <summary>Daily windows in minutes: on the hour, and some on the half or quarter hour.</summary>
    private static readonly (int Start, int End)[] GroupWindows = [(480, 780), (480, 1080), (780, 1080), (540, 660), (840, 960), (600, 900), (930, 1110), (495, 735)];

    /// <summary>Group needs: one daily window on some weekdays, as families usually ask.</summary>
    private static readonly Gen<WeeklySchedule> GroupSchedule = Gen.Select(Gen.Int[1, 31], Gen.OneOf(GroupWindows), (weekdays, window) =>
        WeeklySchedule.Of(Enumerable.Range(0, 5).Where(d => (weekdays & (1 << d)) != 0)
            .Select(d => new TimeSlot((DayOfWeek)(d + 1), window.Start, window.End))));

    /// <summary>Shared-worker needs: a few short visits between 07:00 and 21:00, Monday to Saturday.</summary>
    private static readonly Gen<WeeklySchedule> VisitSchedule =
        Gen.Select(Gen.Int[1, 6], Gen.Int[28, 72], Gen.Int[2, 12], (day, quarter, length) => new TimeSlot((DayOfWeek)day, quarter * 15, (quarter + length) * 15))
            .Array[1, 4].Select(WeeklySchedule.Of);

    private static readonly Gen<string?> AgeBand = Gen.OneOf<string?>(null, "0-3", "3-6");

    private static readonly Gen<string?> Language = Gen.OneOf<string?>(null, "it", "en");

    /// <summary>Mostly a family of its own; one request in eight from one of three families that send several.</summary>
    private static readonly Gen<int?> Family = Gen.Frequency((7, Gen.Const((int?)null)), (1, Gen.Int[0, 2].Select(f => (int?)f)));

    /// <summary>Mostly as soon as possible or soon, sometimes past or well ahead: the start window (28 days) binds now and then.</summary>
    private static readonly Gen<int?> StartInDays = Gen.Frequency((3, Gen.Const((int?)null)), (2, Gen.Int[-20, 20].Select(d => (int?)d)), (1, Gen.Int[0, 90].Select(d => (int?)d)));

    public static Gen<Candidate[]> For(ServiceCategory category) =>
        Gen.Select(Gen.Int[-1_500, 1_500], Gen.Int[-1_500, 1_500], category.Mode == PoolingMode.Group ? GroupSchedule : VisitSchedule, AgeBand, Language, StartInDays, Family,
                (north, east, schedule, ageBand, language, start, family) => new Candidate(north, east, schedule, ageBand, language, start, family))
            // The API refuses group requests shorter than the category's minimum shared time.
            .Where(c => category.Mode != PoolingMode.Group || c.Schedule.TotalMinutes >= category.MinSharedMinutesPerWeek)
            .Array[1, 30];
}
