using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Will.Marketplace.Web.Tests;

public sealed class LiveUpdatesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Test]
    public async Task PoolUpdated_WhenAnotherFamilyJoins_ReachesTheFirstFamilysConnection()
    {
        using var first = await AppFixture.App.ClientFor(Samples.Family(1, "ravenna"));
        using var second = await AppFixture.App.ClientFor(Samples.Family(2, "ravenna"));
        await using var hub = await AppFixture.App.HubFor(Samples.Family(1, "ravenna"));
        var created = await (await first.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(44.4184, 12.2035, "6-10", "wednesday"))).Content.ReadFromJsonAsync<Created>();
        var twoMembers = new TaskCompletionSource<PoolUpdatedEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PoolUpdatedEvent>("poolUpdated", e =>
        {
            if (e.PoolId == created!.Pool.Id && e.MemberCount == 2)
            {
                twoMembers.TrySetResult(e);
            }
        });

        await second.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(44.4190, 12.2040, "6-10", "wednesday"));
        var update = await twoMembers.Task.WaitAsync(Patience);

        Assert.That(update.Status, Is.EqualTo("forming"));
        Assert.That(update.Quorum, Is.EqualTo(4));
        Assert.That(update.Capacity, Is.EqualTo(10));
    }

    [Test]
    public async Task MatchFound_WhenTheFamilysRequestIsPlaced_ReachesOnlyThatFamily()
    {
        await using var hub = await AppFixture.App.HubFor(Samples.Family(3, "ravenna"));
        await using var neighbour = await AppFixture.App.HubFor(Samples.Family(4, "ravenna"));
        var mine = new TaskCompletionSource<MatchFoundEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var theirs = new List<MatchFoundEvent>();
        hub.On<MatchFoundEvent>("matchFound", e => mine.TrySetResult(e));
        neighbour.On<MatchFoundEvent>("matchFound", theirs.Add);
        using var family = await AppFixture.App.ClientFor(Samples.Family(3, "ravenna"));

        var created = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(44.4184, 12.2035, "11-13", "monday"))).Content.ReadFromJsonAsync<Created>();
        var match = await mine.Task.WaitAsync(Patience);

        Assert.That(match.RequestId, Is.EqualTo(created!.Request.Id));
        Assert.That(match.PoolId, Is.EqualTo(created.Pool.Id));
        Assert.That(theirs, Is.Empty);
    }

    [Test]
    public async Task WatchPool_WhenStaffOfAnotherCity_IsRefused()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(2, "reggioemilia"));
        var created = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(44.6983, 10.6312))).Content.ReadFromJsonAsync<Created>();
        await using var ownStaff = await AppFixture.App.HubFor("staff@reggioemilia.demo");
        await using var otherStaff = await AppFixture.App.HubFor("staff@novara.demo");

        await ownStaff.InvokeAsync("WatchPool", created!.Pool.Id);

        Assert.That(async () => await otherStaff.InvokeAsync("WatchPool", created.Pool.Id), Throws.InstanceOf<HubException>());
        using var novaraStaff = await AppFixture.App.ClientFor("staff@novara.demo");
        var audit = await novaraStaff.GetFromJsonAsync<List<AuditEntry>>("/api/v1/audit?take=1000");
        Assert.That(audit!.Any(a => a.Action == "denied" && a.Resource == "hub watchPool" && a.ResourceId == created.Pool.Id.ToString()), Is.True);
    }
}
