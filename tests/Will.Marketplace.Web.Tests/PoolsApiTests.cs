using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Apis;

namespace Will.Marketplace.Web.Tests;

public sealed class PoolsApiTests
{
    private const double PadovaLat = 45.4064, PadovaLon = 11.8768;

    [Test]
    public async Task Get_ByRole_OnlyMembersStaffAndProvidersOfTheCityAndAdminsSeeThePool()
    {
        using var member = await AppFixture.App.ClientFor(Samples.Family(1, "padova"));
        var created = await (await member.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(PadovaLat, PadovaLon, "6-10", "friday"))).Content.ReadFromJsonAsync<Created>();
        var path = $"/api/v1/pools/{created!.Pool.Id}";

        var seen = new Dictionary<string, HttpStatusCode>();
        foreach (var who in new[] { Samples.Family(1, "padova"), Samples.Family(2, "padova"), "staff@padova.demo", "provider.1@padova.demo", "staff@rovigo.demo", "provider.1@rovigo.demo", Samples.Family(1, "rovigo"), "admin@demo" })
        {
            using var client = await AppFixture.App.ClientFor(who);
            seen[who] = (await client.GetAsync(path)).StatusCode;
        }

        Assert.That(seen, Is.EqualTo(new Dictionary<string, HttpStatusCode>
        {
            [Samples.Family(1, "padova")] = HttpStatusCode.OK,
            [Samples.Family(2, "padova")] = HttpStatusCode.NotFound,
            ["staff@padova.demo"] = HttpStatusCode.OK,
            ["provider.1@padova.demo"] = HttpStatusCode.OK,
            ["staff@rovigo.demo"] = HttpStatusCode.NotFound,
            ["provider.1@rovigo.demo"] = HttpStatusCode.NotFound,
            [Samples.Family(1, "rovigo")] = HttpStatusCode.NotFound,
            ["admin@demo"] = HttpStatusCode.OK,
        }));
    }

    [Test]
    public async Task List_ForStaff_ReturnsOnlyTheirCitysPoolsFilteredByStatus()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(3, "padova"));
        await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(PadovaLat, PadovaLon, "3-5", "monday"));
        using var staff = await AppFixture.App.ClientFor("staff@padova.demo");

        var pools = await staff.GetFromJsonAsync<List<Pool>>("/api/v1/pools?status=forming&category=after-school");

        Assert.That(pools, Is.Not.Empty);
        Assert.That(pools!.Select(p => p.MunicipalityCode).Distinct(), Is.EqualTo(new[] { "028060" }));
        Assert.That(pools.Select(p => p.Status).Distinct(), Is.EqualTo(new[] { "forming" }));
    }

    [Test]
    public async Task List_ByMunicipality_GivesAdminsThatCitysPools_AndStaffNothingBeyondTheirOwn()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(4, "padova"));
        await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(PadovaLat, PadovaLon, "6-10", "tuesday"));
        using var rovigoFamily = await AppFixture.App.ClientFor(Samples.Family(4, "rovigo"));
        await rovigoFamily.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.0698, 11.7902, "6-10", "tuesday"));
        using var admin = await AppFixture.App.ClientFor("admin@demo");
        using var otherCity = await AppFixture.App.ClientFor("staff@rovigo.demo");

        var all = await admin.GetFromJsonAsync<List<Pool>>("/api/v1/pools");
        var padova = await admin.GetFromJsonAsync<List<Pool>>("/api/v1/pools?municipality=028060");
        var asked = await otherCity.GetFromJsonAsync<List<Pool>>("/api/v1/pools?municipality=028060");

        Assert.That(all!.Select(p => p.MunicipalityCode).Distinct().Count(), Is.GreaterThan(1));
        Assert.That(padova, Is.Not.Empty);
        Assert.That(padova!.Select(p => p.MunicipalityCode).Distinct(), Is.EqualTo(new[] { "028060" }));
        Assert.That(asked, Is.Empty);
    }

    [Test]
    public async Task List_WhenStatusIsUnknown_Returns400NamingStatus()
    {
        using var staff = await AppFixture.App.ClientFor("staff@padova.demo");

        var response = await staff.GetAsync("/api/v1/pools?status=<script>alert(1)</script>");
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Is.EquivalentTo(new[] { "status" }));
    }

    /// <summary>
    /// A family's pools are found through its requests (indexed by family) and the memberships'
    /// index on the request, with no scan: memberships keep no index by family, so that a
    /// placement's commit writes no page for one.
    /// </summary>
    [Test]
    public async Task Visible_ForAFamily_IsReadThroughIndexesWithoutAScan()
    {
        await using var db = await AppFixture.App.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync();
        var family = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, Roles.Family), new Claim(MarketplaceClaims.Municipality, "028060")],
            "test"));

        await using var command = PoolsApi.Visible(db, family).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.That(plan, Has.Some.Contains("IX_Requests_FamilyId_CreatedAt (FamilyId=?)"), string.Join("\n", plan));
        Assert.That(plan, Has.Some.Contains("IX_PoolMemberships_RequestId (RequestId=?)"), string.Join("\n", plan));
        Assert.That(plan, Has.None.StartsWith("SCAN"), string.Join("\n", plan));
    }
}

internal sealed record Demand(LocationPoint Zone, int ZonePrecisionMeters, double WeeklyHours, Dictionary<string, string> Attributes, DateOnly? StartsFrom);

internal sealed record LocationPoint(double Latitude, double Longitude);

internal sealed record PoolWithDemand(Guid Id, int MemberCount, Demand Demand);

/// <summary>Providers see demand, never people: a zone instead of homes, only shared attributes, nothing for small pools.</summary>
public sealed class AnonymisedDemandTests
{
    private static object DayActivities(double latitude, double longitude) => new
    {
        categoryCode = "elderly-day-activities",
        location = new { latitude, longitude },
        schedule = new[] { new { day = "monday", start = "09:00", end = "12:00" }, new { day = "wednesday", start = "09:00", end = "12:00" } },
        startDate = Samples.StartDate,
        attributes = new Dictionary<string, string> { ["accessibility"] = "wheelchair" },
    };

    [Test]
    public async Task ProviderView_ShowsAZoneAndSharedAttributesOnlyFromThreeMembers_AndNeverAHome()
    {
        var homes = new[] { (45.44713, 8.62377), (45.44821, 8.62511), (45.44655, 8.62190) };
        using var provider = await AppFixture.App.ClientFor("provider.1@novara.demo");
        Guid poolId = default;
        var seen = new List<PoolWithDemand>();
        for (var i = 0; i < homes.Length; i++)
        {
            using var family = await AppFixture.App.ClientFor(Samples.Family(i + 1, "novara"));
            var created = await (await family.PostAsJsonAsync("/api/v1/requests", DayActivities(homes[i].Item1, homes[i].Item2))).Content.ReadFromJsonAsync<Created>();
            poolId = created!.Pool.Id;
            seen.Add((await provider.GetFromJsonAsync<PoolWithDemand>($"/api/v1/pools/{poolId}"))!);
        }

        var raw = await provider.GetStringAsync($"/api/v1/pools/{poolId}");

        Assert.That(seen.Select(p => p.MemberCount), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(seen[1].Demand.Zone, Is.EqualTo(new LocationPoint(45.4469, 8.6220)), "below three members: only the municipality");
        Assert.That(seen[1].Demand.Attributes, Is.Empty);
        Assert.That(seen[2].Demand.Zone, Is.EqualTo(new LocationPoint(45.45, 8.62)));
        Assert.That(seen[2].Demand.ZonePrecisionMeters, Is.EqualTo(1000));
        Assert.That(seen[2].Demand.WeeklyHours, Is.EqualTo(6));
        Assert.That(seen[2].Demand.Attributes, Is.EqualTo(new Dictionary<string, string> { ["accessibility"] = "wheelchair" }));
        Assert.That(homes.Select(h => h.Item1.ToString(System.Globalization.CultureInfo.InvariantCulture)), Has.None.Matches<string>(raw.Contains));
    }
}
