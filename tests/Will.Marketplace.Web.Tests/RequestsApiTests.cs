namespace Will.Marketplace.Web.Tests;

public sealed class RequestsApiTests
{
    [Test]
    public async Task Create_WhenCompatibleFamiliesPost_PlacesThemInOnePool()
    {
        using var first = await AppFixture.App.ClientFor(Samples.Family(1));
        using var second = await AppFixture.App.ClientFor(Samples.Family(2));

        var a = await (await first.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("3-5"))).Content.ReadFromJsonAsync<Created>();
        var response = await second.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("3-5", latitudeOffset: 0.003));
        var b = await response.Content.ReadFromJsonAsync<Created>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/requests/{b!.Request.Id}"));
        Assert.That(a!.StartedNewPool, Is.True);
        Assert.That(b.StartedNewPool, Is.False);
        Assert.That(b.Pool.Id, Is.EqualTo(a.Pool.Id));
        Assert.That(b.Pool.MemberCount, Is.EqualTo(2));
        Assert.That(b.Pool.Status, Is.EqualTo("forming"));
        Assert.That(b.Request.Status, Is.EqualTo("pooled"));
        Assert.That(b.Request.MunicipalityCode, Is.EqualTo(Samples.Bergamo));
    }

    [Test]
    public async Task Create_WhenAttributesDiffer_StartsAnotherPool()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(3));
        using var other = await AppFixture.App.ClientFor(Samples.Family(4));

        var a = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("11-13"))).Content.ReadFromJsonAsync<Created>();
        var b = await (await other.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("0-2"))).Content.ReadFromJsonAsync<Created>();

        Assert.That(b!.Pool.Id, Is.Not.EqualTo(a!.Pool.Id));
    }

    [Test]
    public async Task Get_WhenTheRequestIsAnotherFamilys_Returns404()
    {
        using var owner = await AppFixture.App.ClientFor(Samples.Family(1, "mantova"));
        using var stranger = await AppFixture.App.ClientFor(Samples.Family(2, "mantova"));
        var created = await (await owner.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.1564, 10.7914))).Content.ReadFromJsonAsync<Created>();

        var mine = await owner.GetAsync($"/api/v1/requests/{created!.Request.Id}");
        var theirs = await stranger.GetAsync($"/api/v1/requests/{created.Request.Id}");
        var list = await owner.GetFromJsonAsync<List<Request>>("/api/v1/requests");

        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(list!.Select(r => r.Id), Does.Contain(created.Request.Id));
    }

    [Test]
    public async Task Create_WhenCallerIsNotAFamily_Returns403()
    {
        using var provider = await AppFixture.App.ClientFor("provider.1@bergamo.demo");

        var response = await provider.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("6-10"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Create_WhenPlaceIsInAnotherCity_Returns400NamingLocation()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(1, "verona"));

        var response = await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchool("6-10"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Is.EquivalentTo(new[] { "location" }));
    }
}
