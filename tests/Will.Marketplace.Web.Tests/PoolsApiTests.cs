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
    public async Task List_WhenStatusIsUnknown_Returns400NamingStatus()
    {
        using var staff = await AppFixture.App.ClientFor("staff@padova.demo");

        var response = await staff.GetAsync("/api/v1/pools?status=<script>alert(1)</script>");
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Is.EquivalentTo(new[] { "status" }));
    }
}
