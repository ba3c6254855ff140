using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Abstractions.Pools;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Web.Tests;

internal sealed record RegroupingReportView(int Waiting, int Moved, int PoolsFormed, int FamiliesPooled, int UpperBound);

/// <summary>Staff ask for a regrouping of their municipality's waiting families; the families are told.</summary>
public sealed class ReoptimiseTests
{
    private const double Lat = 45.4469, Lon = 8.6220; // Novara

    [Test]
    public async Task Reoptimise_WhenCompatibleFamiliesWaitApart_GroupsThemAndTellsThem()
    {
        // Three Novara families, each alone in a home-care pool started straight on its grain.
        var requestIds = new List<Guid>();
        var grains = AppFixture.App.Service<IGrainFactory>();
        for (var n = 1; n <= 3; n++)
        {
            using var family = await AppFixture.App.ClientFor(Samples.Family(n, "novara"));
            var me = await family.GetFromJsonAsync<Me>("/api/v1/account/me");
            var command = new PlaceRequestCommand(Guid.CreateVersion7(), me!.Id, "003106", "home-care-elderly", Lat + n * 0.002, Lon,
                $"{new[] { "mon", "tue", "wed" }[n - 1]} 09:00-11:00", ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(20), new Dictionary<string, string>(), null, DateTimeOffset.UtcNow);
            Assert.That((await grains.GetGrain<IDemandPoolGrain>(Guid.CreateVersion7()).Start(command)).Joined, Is.True);
            requestIds.Add(command.RequestId);
        }

        await using var hub = await AppFixture.App.HubFor(Samples.Family(2, "novara"));
        var told = new TaskCompletionSource<PoolNoticeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<PoolNoticeEvent>("poolNotice", e => told.TrySetResult(e));
        using var staff = await AppFixture.App.ClientFor("staff@novara.demo");

        var response = await staff.PostAsJsonAsync("/api/v1/pools/reoptimise", new { categoryCode = "home-care-elderly" });
        var report = await response.Content.ReadFromJsonAsync<RegroupingReportView>();
        var notice = await told.Task.WaitAsync(TimeSpan.FromSeconds(15));
        using var second = await AppFixture.App.ClientFor(Samples.Family(2, "novara"));
        var moved = await second.GetFromJsonAsync<Request>($"/api/v1/requests/{requestIds[1]}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(report, Is.EqualTo(new RegroupingReportView(3, 2, 1, 3, 3)));
        Assert.That(notice.Kind, Is.EqualTo("regrouped"));
        Assert.That(notice.Status, Is.EqualTo("open-for-bids"));
        Assert.That(moved!.PoolId, Is.EqualTo(notice.PoolId), "the request follows its family to the new pool");
        Assert.That(moved.Status, Is.EqualTo("pooled"));
    }

    [TestCase("""{"categoryCode":"knitting"}""", "categoryCode")]
    [TestCase("""{}""", "categoryCode")]
    [TestCase("""{"categoryCode":7}""", "categoryCode")]
    [TestCase("not json", "body")]
    public async Task Reoptimise_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        using var staff = await AppFixture.App.ClientFor("staff@novara.demo");

        var response = await staff.PostAsync("/api/v1/pools/reoptimise", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
    }

    [Test]
    public async Task Reoptimise_AsAFamily_IsForbidden()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(4, "novara"));

        var response = await family.PostAsJsonAsync("/api/v1/pools/reoptimise", new { categoryCode = "home-care-elderly" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
