using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Infrastructure.Persistence;

namespace Will.Marketplace.Web.Tests;

internal sealed record BidView(Guid Id, Guid PoolId, long PriceCents, string Unit, List<string> OutcomeCommitments, bool ContinuityPledge);

internal sealed record AwardEntry(int Rank, string Bidder, bool Winner, long WeeklyCostCents, int PriceScore, int QualityScore, int OutcomeScore, int Total);

internal sealed record AwardView(Guid PoolId, string WinnerName, long WeeklyCostCents, int PriceWeight, int QualityWeight, int OutcomesWeight, List<AwardEntry> Bids);

internal sealed record RefusalProblem(string? Title, int Status, string? Reason);

/// <summary>Sealed bids on a Padova nanny share open for bids (48-hour window in the shared app).</summary>
public sealed class BidsApiTests
{
    private static readonly object GoodBid = new { priceCents = 1_800, unit = "per-hour", outcomeCommitments = new[] { "attendance" }, continuityPledge = true };

    private static async Task<Guid> OpenPool(MarketplaceAppFactory app, string city, double latitude, double longitude, int firstFamily)
    {
        Guid poolId = default;
        foreach (var n in new[] { firstFamily, firstFamily + 1 })
        {
            using var family = await app.ClientFor(Samples.Family(n, city));
            var created = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(latitude, longitude + n * 0.0005))).Content.ReadFromJsonAsync<Created>();
            Assert.That(created!.Pool.Status, Is.EqualTo(n == firstFamily ? "forming" : "open-for-bids"));
            poolId = created.Pool.Id;
        }

        return poolId;
    }

    [Test]
    public async Task SubmitReviseWithdraw_ByAnAccreditedProvider_FollowTheRules()
    {
        var poolId = await OpenPool(AppFixture.App, "padova", 45.4300, 11.9050, 1);
        using var provider = await AppFixture.App.ClientFor("provider.1@padova.demo");

        var first = await provider.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);
        var duplicate = await provider.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);
        var revised = await provider.PutAsJsonAsync($"/api/v1/pools/{poolId}/bids/mine", new { priceCents = 1_700, unit = "per-session", outcomeCommitments = Array.Empty<string>() });
        Assert.That(revised.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revised.Content.ReadAsStringAsync());
        var mine = await provider.GetFromJsonAsync<BidView>($"/api/v1/pools/{poolId}/bids/mine");
        var withdrawn = await provider.DeleteAsync($"/api/v1/pools/{poolId}/bids/mine");
        var afterWithdrawal = await provider.GetAsync($"/api/v1/pools/{poolId}/bids/mine");
        var again = await provider.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await duplicate.Content.ReadFromJsonAsync<RefusalProblem>())!.Reason, Is.EqualTo("Duplicate"));
        Assert.That(revised.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(mine, Is.EqualTo(mine! with { PriceCents = 1_700, Unit = "per-session", ContinuityPledge = false }));
        Assert.That(mine.OutcomeCommitments, Is.Empty);
        Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterWithdrawal.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a withdrawn bid can be made again before the deadline");
    }

    [Test]
    public async Task Submit_WhenSuspendedOrTooSmall_IsRefusedWithTheReason()
    {
        // Parma's providers: no other test uses them, so suspending one disturbs nobody.
        var poolId = await OpenPool(AppFixture.App, "parma", 44.8215, 10.3479, 5);
        await using (var db = await AppFixture.App.Service<IDbContextFactory<MarketplaceDbContext>>().CreateDbContextAsync())
        {
            var aurora = await db.Users.Where(u => u.Email == "provider.1@parma.demo").Select(u => u.ProviderId).SingleAsync();
            var girasole = await db.Users.Where(u => u.Email == "provider.2@parma.demo").Select(u => u.ProviderId).SingleAsync();
            await db.Accreditations.Where(a => a.ProviderId == aurora && a.CategoryCode == "nanny-share").ExecuteUpdateAsync(s => s.SetProperty(a => a.SuspendedAt, DateTimeOffset.UtcNow));
            await db.Providers.Where(p => p.Id == girasole).ExecuteUpdateAsync(s => s.SetProperty(p => p.CapacityFamilies, 1));
        }

        using var suspended = await AppFixture.App.ClientFor("provider.1@parma.demo");
        using var small = await AppFixture.App.ClientFor("provider.2@parma.demo");
        var notAccredited = await suspended.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);
        var overCapacity = await small.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);

        Assert.That(notAccredited.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await notAccredited.Content.ReadFromJsonAsync<RefusalProblem>())!.Reason, Is.EqualTo("NotAccredited"));
        Assert.That(overCapacity.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await overCapacity.Content.ReadFromJsonAsync<RefusalProblem>())!.Reason, Is.EqualTo("OverCapacity"));
    }

    [TestCase("""{"unit":"per-hour"}""", "priceCents")]
    [TestCase("""{"priceCents":-5,"unit":"per-hour"}""", "priceCents")]
    [TestCase("""{"priceCents":1800,"unit":"per-week"}""", "unit")]
    [TestCase("""{"priceCents":1800,"unit":"per-hour","outcomeCommitments":["smiles"]}""", "outcomeCommitments[0]")]
    [TestCase("""{"priceCents":"cheap","unit":"per-hour"}""", "priceCents")]
    public async Task Submit_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        using var provider = await AppFixture.App.ClientFor("provider.2@verona.demo");

        var response = await provider.PostAsync($"/api/v1/pools/{Guid.NewGuid()}/bids", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
    }

    [Test]
    public async Task Submit_AsAFamilyOrOnAPoolElsewhere_IsRefused()
    {
        var poolId = await OpenPool(AppFixture.App, "padova", 45.3964, 11.8668, 5);
        using var family = await AppFixture.App.ClientFor(Samples.Family(1, "padova"));
        using var elsewhere = await AppFixture.App.ClientFor("provider.1@verona.demo");

        var byFamily = await family.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);
        var byOtherCity = await elsewhere.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", GoodBid);

        Assert.That(byFamily.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byOtherCity.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Deadline_WithTwoBids_AwardsTheBestScoreAndShowsTheBreakdown()
    {
        ShortBiddingWindows.Set("035033", "nanny-share", TimeSpan.FromSeconds(5));
        await using var app = new MarketplaceAppFactory();
        await using var hub = await app.HubFor(Samples.Family(1, "reggioemilia"));
        var awarded = new TaskCompletionSource<PoolNoticeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PoolNoticeEvent>("poolNotice", e =>
        {
            if (e.Kind == "awarded")
            {
                awarded.TrySetResult(e);
            }
        });
        var poolId = await OpenPool(app, "reggioemilia", 44.6983, 10.6312, 1);
        using var aurora = await app.ClientFor("provider.1@reggioemilia.demo");
        using var girasole = await app.ClientFor("provider.2@reggioemilia.demo");
        Assert.That((await girasole.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", new { priceCents = 1_500, unit = "per-hour" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await aurora.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", new { priceCents = 1_700, unit = "per-hour", outcomeCommitments = new[] { "family-satisfaction", "carer-continuity", "attendance" }, continuityPledge = true })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var whileOpen = await girasole.GetFromJsonAsync<List<BidOutcome>>("/api/v1/bids/mine");

        var notice = await awarded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var loser = (await girasole.GetFromJsonAsync<List<BidOutcome>>("/api/v1/bids/mine"))!.Single(b => b.PoolId == poolId);
        var winner = (await aurora.GetFromJsonAsync<List<BidOutcome>>("/api/v1/bids/mine"))!.Single(b => b.PoolId == poolId);
        using var family = await app.ClientFor(Samples.Family(1, "reggioemilia"));
        using var staff = await app.ClientFor("staff@reggioemilia.demo");
        var forFamily = await family.GetFromJsonAsync<AwardView>($"/api/v1/pools/{poolId}/award");
        var forStaff = await staff.GetFromJsonAsync<AwardView>($"/api/v1/pools/{poolId}/award");
        var pool = await family.GetFromJsonAsync<Pool>($"/api/v1/pools/{poolId}");
        var late = await girasole.PutAsJsonAsync($"/api/v1/pools/{poolId}/bids/mine", new { priceCents = 1_000, unit = "per-hour" });

        Assert.That(notice.PoolId, Is.EqualTo(poolId));
        Assert.That(pool!.Status, Is.EqualTo("awarded"));
        Assert.That(forFamily!.WinnerName, Does.StartWith("Cooperativa Sociale Aurora"), "outcomes and quality outweigh a 12% cheaper price at 40/30/30");
        Assert.That((forFamily.PriceWeight, forFamily.QualityWeight, forFamily.OutcomesWeight), Is.EqualTo((40, 30, 30)));
        Assert.That(forFamily.Bids.Select(b => b.Rank), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(forFamily.Bids[1].Bidder, Is.EqualTo("Offerta n. 2"), "families see the other bidders by rank only");
        Assert.That(forFamily.Bids[1].PriceScore, Is.EqualTo(10_000));
        Assert.That(forStaff!.Bids[1].Bidder, Does.StartWith("Cooperativa Il Girasole"));
        Assert.That(forFamily.WeeklyCostCents, Is.EqualTo(1_700 * 25), "25 shared hours a week at €17");
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "after the award no bid changes");
        // Each bidder learns how its sealed bid fared: the loser its place and score against the winner's.
        Assert.That(whileOpen!.Single(b => b.PoolId == poolId).Outcome, Is.EqualTo("open"));
        Assert.That((loser.Outcome, loser.Rank, loser.Bidders, loser.Total, loser.WinnerTotal, loser.PriceCents),
            Is.EqualTo(("not-chosen", (int?)2, (int?)2, (int?)forStaff.Bids[1].Total, (int?)forStaff.Bids[0].Total, 1_500L)));
        Assert.That((winner.Outcome, winner.Rank, winner.Total), Is.EqualTo(("won", (int?)1, (int?)forStaff.Bids[0].Total)));
        Assert.That(forStaff.Bids[0].Total, Is.GreaterThan(forStaff.Bids[1].Total));
    }
}

internal sealed record BidOutcome(Guid PoolId, string CategoryCode, long PriceCents, string Unit, string Outcome, int? Rank, int? Bidders, int? Total, int? WinnerTotal);
