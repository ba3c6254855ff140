using System.Text;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Providers;

namespace Will.Marketplace.Web.Tests;

internal sealed record AccreditationView(string MunicipalityCode, string CategoryCode, int Level, DateOnly ValidUntil, bool Active, DateTimeOffset? SuspendedAt, string? SuspensionReason);

internal sealed record ProviderView(Guid Id, string LegalName, string VatNumber, List<string> Categories, List<string> Coverage, int CapacityFamilies, List<AccreditationView> Accreditations);

/// <summary>A new cooperative registers in Como, Como's staff accredit it, then suspend it.</summary>
public sealed class ProvidersApiTests
{
    private static object Registration(string vat, string email) => new
    {
        legalName = "Cooperativa Sociale Il Lago",
        vatNumber = vat,
        fiscalCode = vat,
        thirdSectorNumber = "RUNTS-12345",
        categories = new[] { "home-care-elderly", "home-help" },
        coverage = new[] { "013075" },
        capacityFamilies = 25,
        contact = new { email, displayName = "Giulia Verdi", password = "Lago-di-Como-2026" },
    };

    [Test]
    public async Task Register_ThenAccreditThenSuspend_ShowsTheStandingToProviderAndStaff()
    {
        var vat = ItalianTaxIds.WithCheckDigit("0987654321");
        using var anonymous = AppFixture.App.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/providers", Registration(vat, "giulia@illago.example"));
        var again = await anonymous.PostAsJsonAsync("/api/v1/providers", Registration(vat, "altro@illago.example"));
        using var provider = await AppFixture.App.ClientFor("giulia@illago.example", "Lago-di-Como-2026");
        var mine = await provider.GetFromJsonAsync<ProviderView>("/api/v1/providers/me");
        using var staff = await AppFixture.App.ClientFor("staff@como.demo");
        var validUntil = ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddYears(1);

        var accredited = await staff.PutAsJsonAsync($"/api/v1/providers/{mine!.Id}/accreditations/home-care-elderly", new { level = 2, validUntil });
        var afterAccreditation = await provider.GetFromJsonAsync<ProviderView>("/api/v1/providers/me");
        var suspended = await staff.PostAsJsonAsync($"/api/v1/providers/{mine.Id}/accreditations/home-care-elderly/suspension", new { reason = "Verifica in corso sui requisiti del personale" });
        var afterSuspension = await provider.GetFromJsonAsync<ProviderView>("/api/v1/providers/me");
        var staffList = await staff.GetFromJsonAsync<List<ProviderView>>("/api/v1/providers");

        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await again.Content.ReadFromJsonAsync<Problem>())!.Errors!.Keys, Does.Contain("vatNumber"));
        Assert.That(mine.VatNumber, Is.EqualTo(vat));
        Assert.That(mine.Accreditations, Is.Empty);
        Assert.That(accredited.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterAccreditation!.Accreditations.Single(), Is.EqualTo(new AccreditationView("013075", "home-care-elderly", 2, validUntil, true, null, null)));
        Assert.That(suspended.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterSuspension!.Accreditations.Single().Active, Is.False, "a suspension takes effect at once");
        Assert.That(afterSuspension.Accreditations.Single().SuspensionReason, Does.StartWith("Verifica"));
        Assert.That(staffList!.Select(p => p.LegalName), Does.Contain("Cooperativa Sociale Il Lago"));
    }

    [TestCase("vatNumber", "12345678901")]
    [TestCase("fiscalCode", "RSSMRA85T10A562T")]
    [TestCase("categories", "knitting")]
    [TestCase("coverage", "999999")]
    [TestCase("capacityFamilies", "0")]
    [TestCase("contact.email", "not-an-address")]
    public async Task Register_WithABadField_Returns400NamingIt(string field, string value)
    {
        var body = new Dictionary<string, object?>
        {
            ["legalName"] = "Cooperativa Prova",
            ["vatNumber"] = field == "vatNumber" ? value : ItalianTaxIds.WithCheckDigit("0555555555"),
            ["fiscalCode"] = field == "fiscalCode" ? value : ItalianTaxIds.WithCheckDigit("0555555555"),
            ["categories"] = new[] { field == "categories" ? value : "home-help" },
            ["coverage"] = new[] { field == "coverage" ? value : "013075" },
            ["capacityFamilies"] = field == "capacityFamilies" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 5,
            ["contact"] = new { email = field == "contact.email" ? value : "prova@example.org", displayName = "Prova", password = "Una-password-lunga-1" },
        };
        using var anonymous = AppFixture.App.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/v1/providers", body);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Accredit_ByAFamilyOrAProvider_IsForbidden()
    {
        using var family = await AppFixture.App.ClientFor(Samples.Family(2, "como"));
        using var provider = await AppFixture.App.ClientFor("provider.1@como.demo");
        var body = new { level = 3, validUntil = ItalianCalendar.DayOf(DateTimeOffset.UtcNow).AddYears(1) };

        var byFamily = await family.PutAsJsonAsync($"/api/v1/providers/{Guid.NewGuid()}/accreditations/home-help", body);
        var byProvider = await provider.PutAsJsonAsync($"/api/v1/providers/{Guid.NewGuid()}/accreditations/home-help", body);

        Assert.That(byFamily.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(byProvider.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Accredit_WithABadLevelOrExpiry_Returns400NamingTheField()
    {
        using var staff = await AppFixture.App.ClientFor("staff@como.demo");
        var providers = await staff.GetFromJsonAsync<List<ProviderView>>("/api/v1/providers");
        var aurora = providers!.First(p => p.LegalName.StartsWith("Cooperativa Sociale Aurora", StringComparison.Ordinal));

        var response = await staff.PutAsync($"/api/v1/providers/{aurora.Id}/accreditations/home-help",
            new StringContent("""{"level":7,"validUntil":"2001-01-01"}""", Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Is.EquivalentTo(new[] { "level", "validUntil" }));
    }
}

/// <summary>Mantova's staff set how they weigh price, quality and outcomes for home help.</summary>
public sealed class AwardWeightsApiTests
{
    private sealed record WeightsView(string CategoryCode, int Price, int Quality, int Outcomes, bool IsDefault);

    [Test]
    public async Task SetWeights_WhenTheyAddUpTo100_AreUsedFromThenOn()
    {
        using var staff = await AppFixture.App.ClientFor("staff@mantova.demo");

        var before = (await staff.GetFromJsonAsync<List<WeightsView>>("/api/v1/award-weights"))!.Single(w => w.CategoryCode == "home-help");
        var set = await staff.PutAsJsonAsync("/api/v1/award-weights/home-help", new { price = 20, quality = 30, outcomes = 50 });
        var after = (await staff.GetFromJsonAsync<List<WeightsView>>("/api/v1/award-weights"))!.Single(w => w.CategoryCode == "home-help");

        Assert.That(before, Is.EqualTo(new WeightsView("home-help", 40, 30, 30, true)));
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after, Is.EqualTo(new WeightsView("home-help", 20, 30, 50, false)));
    }

    [TestCase(50, 30, 30)]
    [TestCase(-10, 60, 50)]
    public async Task SetWeights_NotAddingUpTo100OrNegative_Returns400(int price, int quality, int outcomes)
    {
        using var staff = await AppFixture.App.ClientFor("staff@mantova.demo");

        var response = await staff.PutAsJsonAsync("/api/v1/award-weights/after-school", new { price, quality, outcomes });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<Problem>())!.Errors!.Keys, Does.Contain("weights"));
    }

    [Test]
    public async Task SetWeights_ByAProvider_IsForbidden()
    {
        using var provider = await AppFixture.App.ClientFor("provider.1@mantova.demo");

        var response = await provider.PutAsJsonAsync("/api/v1/award-weights/home-help", new { price = 100, quality = 0, outcomes = 0 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
