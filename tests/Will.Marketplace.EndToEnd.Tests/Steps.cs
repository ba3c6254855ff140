using System.Net.Http.Json;
using Will.Marketplace.Domain.Common;

namespace Will.Marketplace.EndToEnd.Tests;

/// <summary>What a family does in the browser app, step by step, through labelled controls.</summary>
internal static class Steps
{
    /// <summary>Signs in and waits for the dashboard: a family's (new-request) or staff's (pool-filters).</summary>
    public static async Task SignIn(this IPage page, string email, string dashboardTestId = "new-request")
    {
        await page.GotoAsync("/#/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(MarketplaceAppFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId(dashboardTestId)).ToBeVisibleAsync();
    }

    /// <summary>Posts an after-school request for Tuesday and Thursday afternoons, children 6-10.</summary>
    public static async Task PostAfterSchoolRequest(this IPage page)
    {
        await page.GetByTestId("new-request").ClickAsync();
        await page.Locator("#category").SelectOptionAsync("after-school");
        await page.ChooseDay("tuesday");
        await page.ChooseDay("thursday");
        await page.Locator("#ageBand").SelectOptionAsync("6-10");
        await page.GetByTestId("request-submit").ClickAsync();
        await Expect(page.GetByTestId("pool-card").First).ToBeVisibleAsync();
    }

    /// <summary>Bootstrap Italia draws the checkbox on its label, so the label is what a person clicks.</summary>
    public static async Task ChooseDay(this IPage page, string day)
    {
        await page.Locator($"label[for='day-{day}']").ClickAsync();
        await Expect(page.Locator($"#day-{day}")).ToBeCheckedAsync();
    }

    /// <summary>
    /// Families <paramref name="firstFamily"/>, the next and the one after of a city (its demo domain) post home-care
    /// requests through the API, Monday, Tuesday and Wednesday 09:00–11:00 (one carer's week), in Italian, their homes
    /// <paramref name="step"/>° of latitude apart going north from the first: a pool of three.
    /// </summary>
    public static async Task PostHomeCareTrio(string domain, int firstFamily, double latitude, double longitude, double step)
    {
        string[] days = ["monday", "tuesday", "wednesday"];
        for (var i = 0; i < days.Length; i++)
        {
            using var client = await BrowserFixture.App.ClientFor($"family.{firstFamily + i}@{domain}");
            var posted = await client.PostAsJsonAsync("/api/v1/requests", new
            {
                categoryCode = "home-care-elderly",
                location = new { latitude = latitude + (step * i), longitude },
                schedule = new[] { new { day = days[i], start = "09:00", end = "11:00" } },
                startDate = ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                attributes = new Dictionary<string, string> { ["language"] = "it" },
            });
            Assert.That(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }
    }

    public static ILocator PoolCard(this IPage page, string poolId) => page.Locator($"[data-testid='pool-card'][data-pool-id='{poolId}']");
}
