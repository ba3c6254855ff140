using System.Text.Json;

namespace Will.Marketplace.Web.Tests;

public sealed class HostTests
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_WhenAppIsUp_ReturnsHealthy(string path)
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task OpenApi_Document_DescribesEveryApiEndpoint()
    {
        using var client = AppFixture.App.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/v1/account/login", "/api/v1/account/me", "/api/v1/requests", "/api/v1/requests/{id}",
            "/api/v1/pools", "/api/v1/pools/{id}", "/api/v1/municipalities", "/api/v1/categories", "/api/v1/webhooks/stripe",
        }));
    }

    [Test]
    public async Task ReferenceData_ListsTheTenWillCitiesAndTheCategories()
    {
        using var client = AppFixture.App.CreateClient();

        var cities = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/municipalities");
        var categories = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/categories");

        Assert.That(cities!.Select(c => c.GetProperty("code").GetString()), Is.EquivalentTo(new[]
        {
            "016024", "013075", "020030", "034027", "039014", "035033", "028060", "029041", "023091", "003106",
        }));
        Assert.That(categories!.Select(c => c.GetProperty("code").GetString()), Is.SupersetOf(new[] { "home-care-elderly", "after-school", "nanny-share" }));
    }
}
