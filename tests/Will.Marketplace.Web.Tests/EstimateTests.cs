namespace Will.Marketplace.Web.Tests;

internal sealed record PricePoint(int Members, long MonthlyCents);

internal sealed record Estimate(string PoolingMode, int WeeklyMinutes, int CurrentMembers, int Quorum, int Capacity, long AloneMonthlyCents, long CurrentMonthlyCents, List<PricePoint> Curve);

public sealed class EstimateTests
{
    [Test]
    public async Task Estimate_ForAnAfterSchoolRequest_ShowsTheMonthlyCostAtEachPoolSizeAgainstAlone()
    {
        using var first = await AppFixture.App.ClientFor(Samples.Family(5, "parma"));
        using var second = await AppFixture.App.ClientFor(Samples.Family(6, "parma"));
        var created = await (await first.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(44.8015, 10.3279, "11-13", "tuesday"))).Content.ReadFromJsonAsync<Created>();
        await second.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(44.8015, 10.3279, "11-13", "tuesday"));

        var estimate = await first.GetFromJsonAsync<Estimate>($"/api/v1/requests/{created!.Request.Id}/estimate");
        var stranger = await second.GetAsync($"/api/v1/requests/{created.Request.Id}/estimate");

        // 8 hours a week (Tuesday and Thursday 14–18) × €24 × 52/12 = €832 alone; shared by two, €416.
        Assert.That(estimate!.WeeklyMinutes, Is.EqualTo(480));
        Assert.That(estimate.AloneMonthlyCents, Is.EqualTo(83_200));
        Assert.That(estimate.CurrentMembers, Is.EqualTo(2));
        Assert.That(estimate.CurrentMonthlyCents, Is.EqualTo(41_600));
        Assert.That(estimate.Curve, Has.Count.EqualTo(10));
        Assert.That(estimate.Curve[3], Is.EqualTo(new PricePoint(4, 20_800)));
        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
