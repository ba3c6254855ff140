using Microsoft.AspNetCore.SignalR.Client;

namespace Will.Marketplace.Web.Tests;

internal sealed record PoolMessage(Guid Id, Guid PoolId, string Author, bool Mine, string Text, DateTimeOffset SentAt, bool Hidden = false, bool Reported = false);

internal sealed record ReportedEvent(Guid PoolId, Guid MessageId);

internal sealed record ReportedMessage(Guid Id, Guid PoolId, string CategoryCode, string Author, string Text, DateTimeOffset ReportedAt, DateTimeOffset? HiddenAt);

/// <summary>The families of a pool write to each other, as letters, never by name.</summary>
public sealed class PoolMessagesTests
{
    [Test]
    public async Task Post_ByAFamilyOfThePool_IsSavedAndPushedToTheOthers_WhoReadItAsFamilyA()
    {
        using var first = await AppFixture.App.ClientFor(Samples.Family(2, "parma"));
        using var second = await AppFixture.App.ClientFor(Samples.Family(3, "parma"));
        using var stranger = await AppFixture.App.ClientFor(Samples.Family(4, "parma"));
        using var staff = await AppFixture.App.ClientFor("staff@parma.demo");
        var pool = (await (await first.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(44.7951, 10.3101))).Content.ReadFromJsonAsync<Created>())!.Pool;
        var joined = (await (await second.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(44.7951, 10.3106))).Content.ReadFromJsonAsync<Created>())!.Pool;
        Assert.That(joined.Id, Is.EqualTo(pool.Id));
        await using var secondLive = await AppFixture.App.HubFor(Samples.Family(3, "parma"));
        var pushed = new TaskCompletionSource<PoolMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        secondLive.On<PoolMessage>("poolMessage", m => pushed.TrySetResult(m));
        var path = $"/api/v1/pools/{pool.Id}/messages";

        var posted = await first.PostAsJsonAsync(path, new { text = "  Ciao! Siamo i Rossi: ci vediamo al parco giovedì?  " });
        var reply = await second.PostAsJsonAsync(path, new { text = "Volentieri" });
        var forFirst = await first.GetFromJsonAsync<List<PoolMessage>>(path);
        var forSecond = await second.GetFromJsonAsync<List<PoolMessage>>(path);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(reply.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(forFirst!.Select(m => (m.Author, m.Mine, m.Text)), Is.EqualTo(new[] { ("A", true, "Ciao! Siamo i Rossi: ci vediamo al parco giovedì?"), ("B", false, "Volentieri") }));
        Assert.That(forSecond!.Select(m => (m.Author, m.Mine)), Is.EqualTo(new[] { ("A", false), ("B", true) }));
        var live = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((live.PoolId, live.Author, live.Mine, live.Text), Is.EqualTo((pool.Id, "A", false, "Ciao! Siamo i Rossi: ci vediamo al parco giovedì?")));
        // Only the pool's families: not another family, nor the city's staff (the thread is the families' own).
        Assert.That((await stranger.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await stranger.PostAsJsonAsync(path, new { text = "Ciao" })).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await staff.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("{\"text\":\"   \"}", 10.28)]
    [TestCase("{}", 10.33)]
    [TestCase("{\"text\":\"TOO_LONG\"}", 10.38)]
    public async Task Post_WithoutTextOrTooLong_Returns400NamingText_AndSavesNothing(string body, double longitude)
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(4, "parma"));
        var pool = (await (await family.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(44.8151, longitude))).Content.ReadFromJsonAsync<Created>())!.Pool;
        var path = $"/api/v1/pools/{pool.Id}/messages";

        var response = await family.PostAsync(path, new StringContent(body.Replace("TOO_LONG", new string('x', 1001), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Is.EqualTo(new[] { "text" }));
        Assert.That(await family.GetFromJsonAsync<List<PoolMessage>>(path), Is.Empty);
    }

    [Test]
    public async Task Report_ByAnotherFamily_ShowsTheMessageToTheCitysStaffOnly_WhoMayHideIt()
    {
        using var writer = await AppFixture.App.ClientFor(Samples.Family(5, "bergamo"));
        using var reader = await AppFixture.App.ClientFor(Samples.Family(6, "bergamo"));
        using var staff = await AppFixture.App.ClientFor("staff@bergamo.demo");
        using var elsewhere = await AppFixture.App.ClientFor("staff@como.demo");
        var pool = (await (await writer.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(45.6801, 9.7001))).Content.ReadFromJsonAsync<Created>())!.Pool;
        await reader.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(45.6801, 9.7006));
        var path = $"/api/v1/pools/{pool.Id}/messages";
        await using var readerLive = await AppFixture.App.HubFor(Samples.Family(6, "bergamo"));
        var removed = new TaskCompletionSource<PoolMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        readerLive.On<PoolMessage>("poolMessage", m =>
        {
            if (m.Hidden)
            {
                removed.TrySetResult(m);
            }
        });
        await using var staffLive = await AppFixture.App.HubFor("staff@bergamo.demo");
        var alerted = new TaskCompletionSource<ReportedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        staffLive.On<ReportedEvent>("messageReported", e => alerted.TrySetResult(e));
        var rude = (await (await writer.PostAsJsonAsync(path, new { text = "Messaggio offensivo" })).Content.ReadFromJsonAsync<PoolMessage>())!;
        var kind = (await (await writer.PostAsJsonAsync(path, new { text = "Grazie a tutti" })).Content.ReadFromJsonAsync<PoolMessage>())!;

        var own = await writer.PostAsync($"{path}/{rude.Id}/report", null);
        var reported = await reader.PostAsync($"{path}/{rude.Id}/report", null);
        var again = await reader.PostAsync($"{path}/{rude.Id}/report", null);
        var forStaff = await staff.GetFromJsonAsync<List<ReportedMessage>>("/api/v1/message-reports");
        var forOtherCity = await elsewhere.GetFromJsonAsync<List<ReportedMessage>>("/api/v1/message-reports");
        var hiddenElsewhere = await elsewhere.PostAsync($"/api/v1/message-reports/{rude.Id}/hide", null);
        var notReported = await staff.PostAsync($"/api/v1/message-reports/{kind.Id}/hide", null);
        var hidden = await staff.PostAsync($"/api/v1/message-reports/{rude.Id}/hide", null);
        var thread = await reader.GetFromJsonAsync<List<PoolMessage>>(path);
        var audit = await staff.GetFromJsonAsync<List<AuditEntry>>("/api/v1/audit?take=1000");

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a family does not report itself");
        Assert.That((reported.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
        var entry = forStaff!.Single(m => m.PoolId == pool.Id);
        Assert.That((entry.Id, entry.Author, entry.Text, entry.CategoryCode, entry.HiddenAt), Is.EqualTo((rude.Id, "A", "Messaggio offensivo", "nanny-share", (DateTimeOffset?)null)),
            "staff see the reported message, not the rest of the thread");
        Assert.That(forOtherCity!.Select(m => m.Id), Does.Not.Contain(rude.Id));
        Assert.That(hiddenElsewhere.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(notReported.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "staff act on reported messages only");
        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(thread!.Select(m => (m.Id, m.Text, m.Hidden, m.Reported)), Is.EqualTo(new[] { (rude.Id, "", true, true), (kind.Id, "Grazie a tutti", false, false) }));
        Assert.That(audit!.Count(a => a.ResourceId == rude.Id.ToString() && a.Action is "report" or "hide"), Is.EqualTo(2), "one report, one hide: the second report changed nothing");
        var alert = await alerted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((alert.PoolId, alert.MessageId), Is.EqualTo((pool.Id, rude.Id)), "the city's staff hear of the report at once");
        var live = await removed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That((live.Id, live.Text, live.Reported), Is.EqualTo((rude.Id, "", true)), "the families hear it was removed, not what it said");
    }
}
