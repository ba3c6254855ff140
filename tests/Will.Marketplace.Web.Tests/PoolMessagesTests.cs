using Microsoft.AspNetCore.SignalR.Client;

namespace Will.Marketplace.Web.Tests;

internal sealed record PoolMessage(Guid Id, Guid PoolId, string Author, bool Mine, string Text, DateTimeOffset SentAt);

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
}
