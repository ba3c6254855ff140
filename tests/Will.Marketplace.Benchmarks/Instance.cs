using System.Text.Json;
using System.Text.Json.Serialization;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Infrastructure.Seeding;

namespace Will.Marketplace.Benchmarks;

/// <summary>
/// A pooling instance (docs/benchmarks.md describes the format): requests in arrival order, each
/// with municipality, category, home, weekly schedule in storage form and matched attributes.
/// Category settings are the network defaults of <see cref="ReferenceData"/>.
/// </summary>
public sealed record Instance(int Version, int Seed, IReadOnlyList<InstanceRequest> Requests)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Instance Load(string path) => JsonSerializer.Deserialize<Instance>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} is not an instance.");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static IReadOnlyDictionary<string, ServiceCategory> Categories { get; } = ReferenceData.CategorySettings.ToDictionary(c => c.Code);
}

public sealed record InstanceRequest(
    int Id,
    string Municipality,
    string Category,
    double Latitude,
    double Longitude,
    string Schedule,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset ArrivedAt,
    DateOnly? StartDate = null)
{
    /// <summary>A request with no <see cref="StartDate"/> wants the service as soon as possible (the generator writes none).</summary>
    public PoolMember ToMember() => new(new Guid(Id, 0, 0, new byte[8]), new Guid(Id, 1, 0, new byte[8]), new GeoPoint(Latitude, Longitude), WeeklySchedule.Parse(Schedule), Attributes, ArrivedAt)
    {
        WantedStart = StartDate,
    };
}

/// <summary>
/// Seeded, realistic instances for the ten WILL cities: homes clustered around a few neighbourhoods
/// per city, category mix as in a welfare office's caseload, schedules from the patterns families
/// ask for (school afternoons, weekday mornings, short care visits), arrivals spread over 90 days.
/// </summary>
public static class InstanceGenerator
{
    private static readonly (string Code, double Weight)[] Mix =
    [
        ("home-care-elderly", 0.28), ("home-help", 0.14), ("after-school", 0.24),
        ("nanny-share", 0.10), ("elderly-day-activities", 0.12), ("escort-transport", 0.12),
    ];

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <param name="startDates">
    /// Give each request the day its family wants the service to start (docs/decisions.md, "Start dates"),
    /// drawn from a generator of its own, so the instance is otherwise the same as without: half want it
    /// within a week of asking, a third in one to five weeks, the rest in five to sixteen.
    /// </param>
    public static Instance Generate(int count, int seed, bool startDates = false)
    {
        var random = new Random(seed);
        var leads = new Random(seed + 1);
        var cities = ReferenceData.Municipalities;
        var neighbourhoods = cities.ToDictionary(c => c.Code, c => Enumerable.Range(0, 5)
            .Select(_ => (Lat: c.Latitude + Gaussian(random) * 0.018, Lon: c.Longitude + Gaussian(random) * 0.025)).ToArray());
        var start = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var requests = Enumerable.Range(1, count).Select(id =>
        {
            var city = cities[random.Next(cities.Count)];
            var category = Pick(random);
            var hood = neighbourhoods[city.Code][random.Next(5)];
            var (lat, lon) = (hood.Lat + Gaussian(random) * 0.006, hood.Lon + Gaussian(random) * 0.008);
            return new InstanceRequest(id, city.Code, category, Math.Round(lat, 6), Math.Round(lon, 6), ScheduleFor(category, random).ToString(), AttributesFor(category, random),
                start.AddMinutes(random.Next(90 * 24 * 60)));
        }).OrderBy(r => r.ArrivedAt).ThenBy(r => r.Id).ToList();
        if (startDates)
        {
            requests = [.. requests.Select(r => r with { StartDate = ItalianCalendar.DayOf(r.ArrivedAt).AddDays(LeadDays(leads)) })];
        }

        return new Instance(1, seed, requests);
    }

    private static int LeadDays(Random random) => random.NextDouble() switch
    {
        < 0.5 => random.Next(0, 8),
        < 0.83 => random.Next(8, 36),
        _ => random.Next(36, 113),
    };

    private static string Pick(Random random)
    {
        var x = random.NextDouble();
        foreach (var (code, weight) in Mix)
        {
            if ((x -= weight) <= 0)
            {
                return code;
            }
        }

        return Mix[^1].Code;
    }

    private static WeeklySchedule ScheduleFor(string category, Random random) => category switch
    {
        "after-school" => Days(random, 3, 5, random.Next(2) == 0 ? (14 * 60, 18 * 60) : (13 * 60 + 30, 17 * 60 + 30)),
        "nanny-share" => Days(random, 4, 5, random.Next(3) == 0 ? (8 * 60, 14 * 60) : (8 * 60, 13 * 60)),
        "elderly-day-activities" => Days(random, 2, 4, random.Next(2) == 0 ? (9 * 60 + 30, 12 * 60 + 30) : (14 * 60 + 30, 17 * 60 + 30)),
        _ => Visits(random),
    };

    /// <summary>The same window on a few weekdays, sometimes shifted by half an hour.</summary>
    private static WeeklySchedule Days(Random random, int min, int max, (int Start, int End) window)
    {
        var shift = random.Next(4) == 0 ? 30 : 0;
        var days = Weekdays.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1));
        return WeeklySchedule.Of(days.Select(d => new TimeSlot(d, window.Start + shift, window.End + shift)));
    }

    /// <summary>Care visits: one to three slots of one to three hours, Monday to Saturday, 07:00–20:00.</summary>
    private static WeeklySchedule Visits(Random random)
    {
        var slots = new List<TimeSlot>();
        foreach (var day in Enumerable.Range(1, 6).OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            var length = random.Next(2, 7) * 30;
            var startAt = random.Next(14, 40 - (length / 30)) * 30;
            slots.Add(new TimeSlot((DayOfWeek)day, startAt, startAt + length));
        }

        return WeeklySchedule.Of(slots);
    }

    private static Dictionary<string, string> AttributesFor(string category, Random random) => category switch
    {
        "after-school" => new() { ["ageBand"] = random.Next(3) == 0 ? "11-13" : "6-10" },
        "nanny-share" => new() { ["ageBand"] = random.Next(2) == 0 ? "0-2" : "3-5", ["language"] = random.Next(5) == 0 ? "en" : "it" },
        "home-care-elderly" => new() { ["language"] = random.Next(8) == 0 ? "de" : "it" },
        "elderly-day-activities" or "escort-transport" => random.Next(4) == 0 ? new() { ["accessibility"] = "wheelchair" } : [],
        _ => [],
    };

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
