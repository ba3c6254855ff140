using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Web.Tests;

internal sealed record AnswerView(string Outcome, Pool? Pool);

internal sealed record PeriodView(string Period, int Ratings, int? AverageRatingTenths, bool Verified, bool? HoldbackReleased);

internal sealed record OrderMemberView(Guid FamilyId, DateOnly JoinedOn);

internal sealed record ServiceView(Guid PoolId, string CategoryCode, string Status, int MemberCount, long WeeklyCostCents, DateTimeOffset AwardedAt, DateOnly? StartsOn, long? PriceCents, string? Unit);

internal sealed record OrderView(Guid Id, Guid PoolId, string ProviderName, long PriceCents, string Unit, long WeeklyCostCents, string BillingPeriod, DateOnly StartsOn,
    List<string> OutcomeIndicators, bool ContinuityPledge, int HoldbackPercent, int MemberCount, List<OrderMemberView>? Members);

/// <summary>
/// Reggio Emilia, nanny share with a 5-second window, in an app of its own: two families reach
/// quorum, one bid, the deadline awards; then the families answer.
/// </summary>
[NonParallelizable]
public sealed class OrdersApiTests
{
    private static async Task<(MarketplaceAppFactory App, Guid PoolId, Guid[] Requests)> Awarded(long? secondFamilyMaximum)
    {
        ShortBiddingWindows.Set("035033", "nanny-share", TimeSpan.FromSeconds(5));
        var app = new MarketplaceAppFactory();
        var requests = new List<Guid>();
        Guid poolId = default;
        foreach (var (n, maximum) in new[] { (1, (long?)null), (2, secondFamilyMaximum) })
        {
            using var family = await app.ClientFor(Samples.Family(n, "reggioemilia"));
            var body = Samples.NannyShareIn(44.6983, 10.6312 + n * 0.0005, maximum);
            var created = await (await family.PostAsJsonAsync("/api/v1/requests", body)).Content.ReadFromJsonAsync<Created>();
            (poolId, requests) = (created!.Pool.Id, [.. requests, created.Request.Id]);
        }

        using var provider = await app.ClientFor("provider.1@reggioemilia.demo");
        var bid = await provider.PostAsJsonAsync($"/api/v1/pools/{poolId}/bids", new { priceCents = 1_600, unit = "per-hour", outcomeCommitments = new[] { "attendance" } });
        Assert.That(bid.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var first = await app.ClientFor(Samples.Family(1, "reggioemilia"));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await first.GetFromJsonAsync<Pool>($"/api/v1/pools/{poolId}"))!.Status == "open-for-bids" && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return (app, poolId, [.. requests]);
    }

    [Test]
    public async Task Confirm_WhenTheLastFamilyConfirms_StartsTheCollectiveOrder()
    {
        // €16 an hour shared by two is €8 each: the second family said it pays up to €9, so it is confirmed at once.
        var (app, poolId, requests) = await Awarded(secondFamilyMaximum: 900);
        await using var _ = app;
        using var first = await app.ClientFor(Samples.Family(1, "reggioemilia"));
        using var staff = await app.ClientFor("staff@reggioemilia.demo");
        using var provider = await app.ClientFor("provider.1@reggioemilia.demo");
        await using var secondLive = await app.HubFor(Samples.Family(2, "reggioemilia"));
        var told = NoticeOf(secondLive, "order-started");

        var before = await first.GetAsync($"/api/v1/pools/{poolId}/order");
        var waiting = await provider.GetFromJsonAsync<List<ServiceView>>("/api/v1/orders/mine");
        var answer = await (await first.PostAsync($"/api/v1/requests/{requests[0]}/award/confirm", null)).Content.ReadFromJsonAsync<AnswerView>();
        var running = await provider.GetFromJsonAsync<List<ServiceView>>("/api/v1/orders/mine");
        using var rival = await app.ClientFor("provider.2@reggioemilia.demo");
        var rivals = await rival.GetFromJsonAsync<List<ServiceView>>("/api/v1/orders/mine");
        var forFamily = await first.GetFromJsonAsync<OrderView>($"/api/v1/pools/{poolId}/order");
        var forStaff = await staff.GetFromJsonAsync<OrderView>($"/api/v1/pools/{poolId}/order");
        var forProvider = await provider.GetFromJsonAsync<OrderView>($"/api/v1/pools/{poolId}/order");
        var again = await first.PostAsync($"/api/v1/requests/{requests[0]}/award/confirm", null);

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no order while a family has not answered");
        Assert.That(answer!.Outcome, Is.EqualTo("OrderStarts"));
        Assert.That(answer.Pool!.Status, Is.EqualTo("active"));
        Assert.That(forFamily!.ProviderName, Does.StartWith("Cooperativa Sociale Aurora"));
        Assert.That((forFamily.PriceCents, forFamily.Unit, forFamily.WeeklyCostCents, forFamily.BillingPeriod), Is.EqualTo((1_600L, "per-hour", 1_600L * 25, "monthly")));
        Assert.That(forFamily.OutcomeIndicators, Is.EqualTo(new[] { "attendance" }));
        Assert.That(forFamily.HoldbackPercent, Is.EqualTo(10));
        Assert.That(forFamily.StartsOn.DayOfWeek, Is.EqualTo(DayOfWeek.Monday));
        Assert.That(forFamily.StartsOn, Is.GreaterThanOrEqualTo(DateOnly.Parse(Samples.StartDate, CultureInfo.InvariantCulture)), "not before the start the families asked for");
        Assert.That((await told.WaitAsync(TimeSpan.FromSeconds(10))).PoolId, Is.EqualTo(poolId), "every family hears the service starts");
        // The provider's own list: the award waiting for the families, then the service it runs; the other bidder's has neither.
        var pending = waiting!.Single(w => w.PoolId == poolId);
        Assert.That((pending.Status, pending.MemberCount, pending.WeeklyCostCents, pending.StartsOn), Is.EqualTo(("awarded", 2, 1_600L * 25, (DateOnly?)null)));
        var service = running!.Single(r => r.PoolId == poolId);
        Assert.That((service.Status, service.StartsOn, service.PriceCents, service.Unit), Is.EqualTo(("active", (DateOnly?)forFamily.StartsOn, (long?)1_600, "per-hour")));
        Assert.That(rivals!.Select(r => r.PoolId), Does.Not.Contain(poolId));
        Assert.That(forFamily.MemberCount, Is.EqualTo(2));
        Assert.That(forFamily.Members, Is.Null, "families do not see who the others are");
        Assert.That(forStaff!.Members, Has.Count.EqualTo(2));
        Assert.That(forProvider!.Id, Is.EqualTo(forFamily.Id));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "an active pool has no award left to answer");

        // Open data, read by anyone: the contracting process of this pool in OCDS, the directory in HSDS.
        using var anonymous = app.CreateClient();
        var ocds = await anonymous.GetStringAsync("/api/v1/open-data/ocds/035033");
        var hsds = await anonymous.GetStringAsync("/api/v1/open-data/hsds/035033");
        using var package = System.Text.Json.JsonDocument.Parse(ocds);
        var release = package.RootElement.GetProperty("releases").EnumerateArray().Single(r => r.GetProperty("ocid").GetString() == $"ocds-will01-{Apis.OpenDataApi.PublicId(poolId)}");
        Assert.That(OcdsConformance.Problems(package.RootElement), Is.Empty);
        Assert.That(release.GetProperty("tag")[0].GetString(), Is.EqualTo("contract"));
        Assert.That(release.GetProperty("awards")[0].GetProperty("value").GetProperty("amount").GetDecimal(), Is.EqualTo(400m), "€16 × 25 hours a week");
        Assert.That(release.GetProperty("tender").GetProperty("numberOfTenderers").GetInt32(), Is.EqualTo(1));
        Assert.That(ocds, Does.Not.Contain(requests[0].ToString()).And.Not.Contain(forStaff.Members![0].FamilyId.ToString()).And.Not.Contain(poolId.ToString()),
            "open data names no family, request or internal pool id");
        using var directory = System.Text.Json.JsonDocument.Parse(hsds);
        var aurora = directory.RootElement.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("name").GetString()!.StartsWith("Cooperativa Sociale Aurora", StringComparison.Ordinal));
        var nanny = aurora.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "nanny-share");
        Assert.That(aurora.GetProperty("tax_id").GetString(), Has.Length.EqualTo(11));
        Assert.That(nanny.GetProperty("service_areas")[0].GetProperty("name").GetString(), Is.EqualTo("Comune di Reggio Emilia"));
        Assert.That(nanny.GetProperty("cost_options")[0].GetProperty("amount").GetDecimal(), Is.EqualTo(16m));
    }

    [Test]
    public async Task Outcomes_FamiliesRateStaffVerify_TheHoldbackIsReleasedOnceAndTheReasonsKept()
    {
        var (app, poolId, requests) = await Awarded(secondFamilyMaximum: 900);
        await using var _ = app;
        using var first = await app.ClientFor(Samples.Family(1, "reggioemilia"));
        using var second = await app.ClientFor(Samples.Family(2, "reggioemilia"));
        using var staff = await app.ClientFor("staff@reggioemilia.demo");
        using var provider = await app.ClientFor("provider.1@reggioemilia.demo");
        await first.PostAsync($"/api/v1/requests/{requests[0]}/award/confirm", null);

        // The service has been running since the first of this month.
        var month = ItalianCalendar.DayOf(DateTimeOffset.UtcNow);
        await using (var db = await app.Service<Microsoft.EntityFrameworkCore.IDbContextFactory<Infrastructure.Persistence.MarketplaceDbContext>>().CreateDbContextAsync())
        {
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
                System.Linq.Queryable.Where(db.Orders, o => o.PoolId == poolId), s => s.SetProperty(o => o.StartsOn, new DateOnly(month.Year, month.Month, 1)));
        }

        var period = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await using var providerHub = await app.HubFor("provider.1@reggioemilia.demo");
        var verifiedLive = new TaskCompletionSource<PoolNoticeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.On<PoolNoticeEvent>(providerHub, "poolNotice", e =>
        {
            if (e.Kind == "outcomes-verified")
            {
                verifiedLive.TrySetResult(e);
            }
        });
        var rated = await first.PostAsJsonAsync($"/api/v1/pools/{poolId}/order/ratings", new { period, score = 5, comment = "Puntuali e gentili" });
        await second.PostAsJsonAsync($"/api/v1/pools/{poolId}/order/ratings", new { period, score = 4 });
        var badScore = await second.PostAsJsonAsync($"/api/v1/pools/{poolId}/order/ratings", new { period, score = 6 });
        var noReason = await staff.PutAsJsonAsync($"/api/v1/pools/{poolId}/order/periods/{period}", new { indicators = new Dictionary<string, object> { ["attendance"] = new { met = false } } });
        var satisfactionByHand = await staff.PutAsJsonAsync($"/api/v1/pools/{poolId}/order/periods/{period}", new { indicators = new Dictionary<string, object> { ["attendance"] = new { met = true }, ["family-satisfaction"] = new { met = true } } });
        var verified = await staff.PutAsJsonAsync($"/api/v1/pools/{poolId}/order/periods/{period}", new { indicators = new Dictionary<string, object> { ["attendance"] = new { met = true } } });
        var twice = await staff.PutAsJsonAsync($"/api/v1/pools/{poolId}/order/periods/{period}", new { indicators = new Dictionary<string, object> { ["attendance"] = new { met = false, reason = "ripensamento" } } });
        var lateRating = await first.PostAsJsonAsync($"/api/v1/pools/{poolId}/order/ratings", new { period, score = 1 });
        var periods = await provider.GetFromJsonAsync<List<PeriodView>>($"/api/v1/pools/{poolId}/order/periods");

        Assert.That(rated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(badScore.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(satisfactionByHand.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "satisfaction comes from the ratings, not from staff");
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(lateRating.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a verified month takes no more ratings");
        var current = periods!.Single(p => p.Period == period);
        Assert.That((await verifiedLive.Task.WaitAsync(TimeSpan.FromSeconds(15))).PoolId, Is.EqualTo(poolId), "the provider sees the verdict live");
        Assert.That((current.Verified, current.HoldbackReleased, current.Ratings, current.AverageRatingTenths), Is.EqualTo((true, (bool?)true, 2, (int?)45)));
    }

    [Test]
    public async Task Decline_WhenThePoolFallsBelowQuorum_TheAwardLapsesAndBiddingStartsAfresh()
    {
        var (app, poolId, requests) = await Awarded(secondFamilyMaximum: null);
        await using var _ = app;
        using var first = await app.ClientFor(Samples.Family(1, "reggioemilia"));
        using var second = await app.ClientFor(Samples.Family(2, "reggioemilia"));
        using var provider = await app.ClientFor("provider.1@reggioemilia.demo");
        await using var secondLive = await app.HubFor(Samples.Family(2, "reggioemilia"));
        var told = NoticeOf(secondLive, "below-quorum");

        var answer = await (await first.PostAsync($"/api/v1/requests/{requests[0]}/award/decline", null)).Content.ReadFromJsonAsync<AnswerView>();
        var pool = await second.GetFromJsonAsync<Pool>($"/api/v1/pools/{poolId}");
        var award = await second.GetAsync($"/api/v1/pools/{poolId}/award");
        var bid = await provider.GetAsync($"/api/v1/pools/{poolId}/bids/mine");
        var declined = await first.GetFromJsonAsync<Request>($"/api/v1/requests/{requests[0]}");
        var services = await provider.GetFromJsonAsync<List<ServiceView>>("/api/v1/orders/mine");

        Assert.That(answer!.Outcome, Is.EqualTo("AwardLapsed"));
        Assert.That(pool!.Status, Is.EqualTo("forming"));
        Assert.That(pool.MemberCount, Is.EqualTo(1));
        Assert.That(award.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(bid.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the lapsed round's bids are withdrawn");
        Assert.That(declined!.Status, Is.EqualTo("withdrawn"));
        Assert.That(services!.Select(x => x.PoolId), Does.Not.Contain(poolId), "a lapsed award is no longer the provider's");
        Assert.That((await told.WaitAsync(TimeSpan.FromSeconds(10))).PoolId, Is.EqualTo(poolId), "the family left hears why");
    }

    /// <summary>The first pool notice of <paramref name="kind"/> the connection receives.</summary>
    private static Task<PoolNoticeEvent> NoticeOf(HubConnection hub, string kind)
    {
        var notice = new TaskCompletionSource<PoolNoticeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PoolNoticeEvent>("poolNotice", e =>
        {
            if (e.Kind == kind)
            {
                notice.TrySetResult(e);
            }
        });
        return notice.Task;
    }
}

/// <summary>Open data for a municipality that does not exist answers 404; for one without tenders, an empty package.</summary>
public sealed class OpenDataTests
{
    [Test]
    public async Task OpenData_ForAnUnknownMunicipality_Returns404AndForAQuietOneAValidEmptyPackage()
    {
        using var anonymous = AppFixture.App.CreateClient();

        var unknown = await anonymous.GetAsync("/api/v1/open-data/ocds/999999");
        var unknownDirectory = await anonymous.GetAsync("/api/v1/open-data/hsds/999999");
        using var quiet = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/open-data/ocds/029041"));

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownDirectory.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(OcdsConformance.Problems(quiet.RootElement), Is.Empty);
    }
}
