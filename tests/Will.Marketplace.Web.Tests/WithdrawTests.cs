using Microsoft.AspNetCore.SignalR.Client;

namespace Will.Marketplace.Web.Tests;

internal sealed record Withdrawn(Request Request, Pool Pool);

public sealed class WithdrawTests
{
    private const double Lat = 45.0703, Lon = 11.7900; // Rovigo

    [Test]
    public async Task Withdraw_WhenAFamilyLeaves_ThePoolShrinksTheOthersAreToldAndThePlaceIsFreeAgain()
    {
        using var staying = await AppFixture.App.ClientFor(Samples.Family(3, "rovigo"));
        using var leaving = await AppFixture.App.ClientFor(Samples.Family(4, "rovigo"));
        using var newcomer = await AppFixture.App.ClientFor(Samples.Family(5, "rovigo"));
        await using var hub = await AppFixture.App.HubFor(Samples.Family(3, "rovigo"));
        var first = await (await staying.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(Lat, Lon, "3-5", "monday"))).Content.ReadFromJsonAsync<Created>();
        var second = await (await leaving.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(Lat, Lon, "3-5", "monday"))).Content.ReadFromJsonAsync<Created>();
        var backToOne = new TaskCompletionSource<PoolUpdatedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PoolUpdatedEvent>("poolUpdated", e =>
        {
            if (e.PoolId == first!.Pool.Id && e.MemberCount == 1)
            {
                backToOne.TrySetResult(e);
            }
        });

        var response = await leaving.PostAsync($"/api/v1/requests/{second!.Request.Id}/withdraw", null);
        var withdrawn = await response.Content.ReadFromJsonAsync<Withdrawn>();
        var told = await backToOne.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var again = await leaving.PostAsync($"/api/v1/requests/{second.Request.Id}/withdraw", null);
        var stored = await leaving.GetFromJsonAsync<Request>($"/api/v1/requests/{second.Request.Id}");
        var third = await (await newcomer.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(Lat, Lon, "3-5", "monday"))).Content.ReadFromJsonAsync<Created>();

        Assert.That(second.Pool.Id, Is.EqualTo(first!.Pool.Id));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withdrawn!.Request.Status, Is.EqualTo("withdrawn"));
        Assert.That(withdrawn.Pool.MemberCount, Is.EqualTo(1));
        Assert.That(told.Status, Is.EqualTo("forming"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(stored!.Status, Is.EqualTo("withdrawn"));
        Assert.That(third!.Pool.Id, Is.EqualTo(first.Pool.Id), "the freed place goes to the next compatible family");
        Assert.That(third.Pool.MemberCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Withdraw_AnotherFamilysRequest_Returns404()
    {
        using var owner = await AppFixture.App.ClientFor(Samples.Family(6, "rovigo"));
        using var stranger = await AppFixture.App.ClientFor(Samples.Family(1, "rovigo"));
        var created = await (await owner.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(Lat, Lon, "11-13", "friday"))).Content.ReadFromJsonAsync<Created>();

        var response = await stranger.PostAsync($"/api/v1/requests/{created!.Request.Id}/withdraw", null);
        var stillThere = await owner.GetFromJsonAsync<Request>($"/api/v1/requests/{created.Request.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(stillThere!.Status, Is.EqualTo("pooled"));
    }
}

public sealed class ErasureTests
{
    [Test]
    public async Task Erase_WithThePassword_LeavesThePoolsRemovesIdentityAndEndsEverySession()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(5, "como"));
        using var neighbour = await AppFixture.App.ClientFor(Samples.Family(6, "como"));
        var me = await family.GetFromJsonAsync<Me>("/api/v1/account/me");
        var mine = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.81, 9.09, "3-5", "wednesday"))).Content.ReadFromJsonAsync<Created>();
        var theirs = await (await neighbour.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.81, 9.09, "3-5", "wednesday"))).Content.ReadFromJsonAsync<Created>();

        var wrote = await family.PostAsJsonAsync($"/api/v1/pools/{mine!.Pool.Id}/messages", new { text = "Siamo i Bianchi, via Garibaldi 3" });

        var wrong = await family.PostAsJsonAsync("/api/v1/account/erase", new { password = "not mine" });
        var erased = await family.PostAsJsonAsync("/api/v1/account/erase", new { password = MarketplaceAppFactory.DemoPassword });
        var afterwards = await family.GetAsync("/api/v1/account/me");
        using var anonymous = AppFixture.App.CreateClient();
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/account/login", new { email = Samples.Family(5, "como"), password = MarketplaceAppFactory.DemoPassword });
        var pool = await neighbour.GetFromJsonAsync<Pool>($"/api/v1/pools/{theirs!.Pool.Id}");
        var thread = await neighbour.GetFromJsonAsync<List<PoolMessage>>($"/api/v1/pools/{theirs.Pool.Id}/messages");
        using var staff = await AppFixture.App.ClientFor("staff@como.demo");
        var audit = await staff.GetFromJsonAsync<List<AuditEntry>>("/api/v1/audit?take=1000");

        Assert.That(theirs.Pool.Id, Is.EqualTo(mine.Pool.Id));
        Assert.That(wrote.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(thread, Is.Empty, "what the family wrote goes with its data");
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the bearer token died with the security stamp");
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(pool!.MemberCount, Is.EqualTo(1));
        Assert.That(audit!.Any(a => a.Action == "erase" && a.SubjectId == me!.Id), Is.True);
    }
}
