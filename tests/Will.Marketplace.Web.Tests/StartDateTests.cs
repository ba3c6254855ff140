using System.Globalization;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.Web.Tests;

/// <summary>The start date a family asks for decides whom it is pooled with (docs/decisions.md, "Start dates").</summary>
public sealed class StartDateTests
{
    [Test]
    public async Task Post_WhenNeighboursWantToStartMonthsApart_TheyWaitInPoolsOfTheirOwn_AndASoonerNeighbourJoinsTheFirst()
    {
        var today = ItalianCalendar.DayOf(DateTimeOffset.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Three toddlers' families a few doors apart in Novara, the same mornings: one wants to start
        // next week, one in five months, one in three weeks.
        var placed = new List<Created>();
        foreach (var (n, start) in new[] { (5, Day(7)), (6, Day(150)), (1, Day(21)) })
        {
            using var family = await AppFixture.App.ClientFor(Samples.Family(n, "novara"));
            var response = await family.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(45.4421, 8.6150 + n * 0.0004, startDate: start));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            placed.Add((await response.Content.ReadFromJsonAsync<Created>())!);
        }

        using var provider = await AppFixture.App.ClientFor("provider.1@novara.demo");
        var tender = await provider.GetFromJsonAsync<PoolWithDemand>($"/api/v1/pools/{placed[0].Pool.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(tender!.Demand!.StartsFrom, Is.EqualTo(today.AddDays(21)), "providers bid knowing the service starts no earlier than the latest date asked for");
            Assert.That(placed[1].StartedNewPool, Is.True, "five months later is not the same service");
            Assert.That(placed[1].Pool.Id, Is.Not.EqualTo(placed[0].Pool.Id));
            Assert.That(placed[2].Pool.Id, Is.EqualTo(placed[0].Pool.Id), "two weeks apart share a start");
            Assert.That((placed[2].Pool.Status, placed[2].Pool.MemberCount), Is.EqualTo(("open-for-bids", 2)));
        });
    }
}
