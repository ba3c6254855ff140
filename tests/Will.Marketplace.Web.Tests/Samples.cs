using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Web.Tests;

/// <summary>Request bodies that the API accepts, for the cities' demo families.</summary>
internal static class Samples
{
    public const string Bergamo = "016024";

    public static string Family(int n, string city = "bergamo") => $"family.{n}@{city}.demo";

    public static string StartDate => ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An after-school request near Bergamo's centre; same arguments, compatible requests.</summary>
    public static object AfterSchool(string ageBand, double latitudeOffset = 0, string day = "tuesday") =>
        AfterSchoolIn(45.6983 + latitudeOffset, 9.6773, ageBand, day);

    public static object AfterSchoolIn(double latitude, double longitude, string ageBand = "6-10", string day = "tuesday") => new
    {
        categoryCode = "after-school",
        location = new { latitude, longitude },
        schedule = new[]
        {
            new { day, start = "14:00", end = "18:00" },
            new { day = "thursday", start = "14:00", end = "18:00" },
        },
        startDate = StartDate,
        attributes = new Dictionary<string, string> { ["ageBand"] = ageBand },
        maxPricePerHourCents = 1500,
    };

    /// <summary>A nanny share for toddlers, weekday mornings: two of these near each other reach quorum.</summary>
    public static object NannyShareIn(double latitude, double longitude, long? maxPricePerHourCents = null, string? startDate = null) => new
    {
        categoryCode = "nanny-share",
        location = new { latitude, longitude },
        schedule = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "08:00", end = "13:00" }).ToArray(),
        startDate = startDate ?? StartDate,
        attributes = new Dictionary<string, string> { ["ageBand"] = "0-2", ["language"] = "it" },
        maxPricePerHourCents,
    };
}
