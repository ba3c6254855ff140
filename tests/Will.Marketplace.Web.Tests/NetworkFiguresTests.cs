namespace Will.Marketplace.Web.Tests;

internal sealed record CityFigures(string MunicipalityCode, string Name, int Requests, int Pooled, int Waiting, int? PooledPercent,
    int PoolsForming, int PoolsOpenForBids, int PoolsAwarded, int PoolsActive, double? MedianHoursToQuorum, long? AverageMonthlySavingCents);

/// <summary>The cities side by side, in an app of its own so that every figure is this test's.</summary>
[NonParallelizable]
public sealed class NetworkFiguresTests
{
    [Test]
    public async Task Figures_ForStaffAndAdmins_PutEveryCitySideBySide_WithItsPooledShareQuorumTimeAndSaving()
    {
        await using var app = new MarketplaceAppFactory();
        // Parma: two nanny shares that reach quorum together, and an after-school request still waiting.
        foreach (var (n, body) in new[] { (1, Samples.NannyShareIn(44.8015, 10.3279)), (2, Samples.NannyShareIn(44.8020, 10.3279)), (3, Samples.AfterSchoolIn(44.8015, 10.3279)) })
        {
            using var family = await app.ClientFor(Samples.Family(n, "parma"));
            Assert.That((await family.PostAsJsonAsync("/api/v1/requests", body)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var admin = await app.ClientFor("admin@demo");
        using var otherCity = await app.ClientFor("staff@como.demo");
        var figures = await admin.GetFromJsonAsync<List<CityFigures>>("/api/v1/network/figures");
        var seenByStaff = await otherCity.GetFromJsonAsync<List<CityFigures>>("/api/v1/network/figures");

        Assert.That(figures?.Select(f => f.Name), Is.EqualTo(new[] { "Bergamo", "Como", "Mantova", "Novara", "Padova", "Parma", "Ravenna", "Reggio Emilia", "Rovigo", "Verona" }));
        var parma = figures!.Single(f => f.Name == "Parma");
        Assert.That((parma.Requests, parma.Pooled, parma.Waiting, parma.PooledPercent), Is.EqualTo((3, 2, 1, (int?)67)));
        Assert.That((parma.PoolsForming, parma.PoolsOpenForBids, parma.PoolsAwarded, parma.PoolsActive), Is.EqualTo((1, 1, 0, 0)));
        Assert.That(parma.MedianHoursToQuorum, Is.Not.Null.And.LessThan(0.1), "the second family came within seconds");
        // 25 hours a week at €16: €1,733.33 a month alone, half of it shared by two.
        Assert.That(parma.AverageMonthlySavingCents, Is.EqualTo(173_333 - 86_667));
        var como = figures!.Single(f => f.Name == "Como");
        Assert.That((como.Requests, como.PooledPercent, como.MedianHoursToQuorum, como.AverageMonthlySavingCents), Is.EqualTo((0, (int?)null, (double?)null, (long?)null)));
        Assert.That(seenByStaff, Is.EqualTo(figures).Using<CityFigures>((a, b) => a == b), "every city's staff see the same figures");
    }

    [TestCase("family.1@parma.demo")]
    [TestCase("provider.1@parma.demo")]
    public async Task Figures_ForFamiliesAndProviders_AreForbidden(string who)
    {
        using var client = await AppFixture.App.ClientFor(who);

        var response = await client.GetAsync("/api/v1/network/figures");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
