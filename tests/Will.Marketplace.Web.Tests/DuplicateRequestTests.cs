namespace Will.Marketplace.Web.Tests;

/// <summary>A pool pools families: a request sent twice never makes a pool of one family.</summary>
public sealed class DuplicateRequestTests
{
    [Test]
    public async Task Post_TheSameRequestTwice_WaitsInTwoPools_AndNeitherOpensForBids()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(4, "bergamo"));
        var body = Samples.NannyShareIn(45.7101, 9.6601);

        var first = await (await family.PostAsJsonAsync("/api/v1/requests", body)).Content.ReadFromJsonAsync<Created>();
        var second = await (await family.PostAsJsonAsync("/api/v1/requests", body)).Content.ReadFromJsonAsync<Created>();
        var pool = await family.GetFromJsonAsync<Pool>($"/api/v1/pools/{first!.Pool.Id}");

        Assert.That(second!.StartedNewPool, Is.True);
        Assert.That(second.Pool.Id, Is.Not.EqualTo(first.Pool.Id));
        Assert.That((pool!.Status, pool.MemberCount), Is.EqualTo(("forming", 1)), "two requests of one family are not two families");
    }
}
