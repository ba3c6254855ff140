using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Will.Marketplace.Web.Tests;

public sealed class SecurityTests
{
    [Test]
    public void Endpoints_EveryOne_DeclaresWhoMayCallIt()
    {
        var endpoints = AppFixture.App.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.That(endpoints, Has.Count.GreaterThan(10));
        Assert.That(undeclared, Is.Empty, "endpoints without an authorization policy or an explicit AllowAnonymous");
    }

    [TestCase("/")]
    [TestCase("/api/v1/categories")]
    public async Task Responses_CarryTheSecurityHeaders(string path)
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.GetAsync(path);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'").And.Contain("frame-ancestors 'none'"));
    }

    [Test]
    public async Task PersonalResponses_AreNeverCached()
    {
        using var client = await AppFixture.App.ClientFor(Samples.Family(1, "rovigo"));

        var response = await client.GetAsync("/api/v1/requests");

        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
    }

    [Test]
    public async Task CookieWrite_WithoutTheAntiforgeryHeader_IsRefusedAndWritesNothing()
    {
        using var client = AppFixture.App.CreateClient(new() { HandleCookies = true });
        await client.PostAsJsonAsync("/api/v1/account/login?useCookies=true", new { email = Samples.Family(2, "rovigo"), password = MarketplaceAppFactory.DemoPassword });

        var response = await client.PostAsync("/api/v1/requests", new StringContent("{}", Encoding.UTF8, "application/json"));
        var mine = await client.GetFromJsonAsync<List<Request>>("/api/v1/requests");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(mine, Is.Empty);
    }

    [Test]
    public async Task CrossOriginRequest_GetsNoCorsGrant()
    {
        using var client = AppFixture.App.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/requests");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await client.SendAsync(preflight);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }
}

/// <summary>Its own app with a low sign-in limit, so the shared app's tests are not throttled.</summary>
public sealed class RateLimitTests
{
    [Test]
    public async Task Login_WhenTooManyAttemptsComeFromOneAddress_Returns429ProblemWithRetryAfter()
    {
        await using var app = new MarketplaceAppFactory(new Dictionary<string, string?> { ["Security:SignInPerMinute"] = "3", ["Demo:Enabled"] = "false" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "nobody@example.org", password = "wrong password" });
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That(last!.Headers.RetryAfter, Is.Not.Null);
        Assert.That(last.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}
