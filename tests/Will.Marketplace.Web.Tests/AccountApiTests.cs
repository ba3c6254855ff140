using System.Net.Http.Headers;

namespace Will.Marketplace.Web.Tests;

public sealed class AccountApiTests
{
    [Test]
    public async Task Login_WhenCredentialsAreRight_ReturnsBearerTokenThatOpensMe()
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "staff@parma.demo", password = MarketplaceAppFactory.DemoPassword });
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var me = await client.GetFromJsonAsync<Me>("/api/v1/account/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(token.TokenType, Is.EqualTo("Bearer"));
        Assert.That(me!.Roles, Is.EqualTo(new[] { "staff" }));
        Assert.That(me.MunicipalityCode, Is.EqualTo("034027"));
        Assert.That(me.MunicipalityName, Is.EqualTo("Parma"));
    }

    [Test]
    public async Task Login_WithCookies_SetsHttpOnlyCookieThatOpensMe()
    {
        using var client = AppFixture.App.CreateClient(new() { HandleCookies = true });

        var response = await client.PostAsJsonAsync("/api/v1/account/login?useCookies=true", new { email = "family.1@como.demo", password = MarketplaceAppFactory.DemoPassword });
        var me = await client.GetFromJsonAsync<Me>("/api/v1/account/me");
        var antiforgery = await client.GetFromJsonAsync<AntiforgeryToken>("/api/v1/account/antiforgery");
        var forged = await client.PostAsync("/api/v1/account/logout", null);
        using var logoutMessage = new HttpRequestMessage(HttpMethod.Post, "/api/v1/account/logout");
        logoutMessage.Headers.Add(antiforgery!.HeaderName, antiforgery.Token);
        var logout = await client.SendAsync(logoutMessage);
        var afterLogout = await client.GetAsync("/api/v1/account/me");

        Assert.That(response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("will.auth=", StringComparison.Ordinal)), Does.Contain("httponly"));
        Assert.That(me!.Email, Is.EqualTo("family.1@como.demo"));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a cookie-authenticated write without the antiforgery header");
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterLogout.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Login_WhenPasswordIsWrong_Returns401Problem()
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "family.2@como.demo", password = "not the password" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Refresh_WithTheRefreshToken_ReturnsANewAccessToken()
    {
        using var client = AppFixture.App.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "family.3@como.demo", password = MarketplaceAppFactory.DemoPassword });
        var token = await login.Content.ReadFromJsonAsync<TokenResponse>();

        var refreshed = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = token!.RefreshToken });
        var forged = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "forged" });

        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await refreshed.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken, Is.Not.Empty);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Me_WhenAnonymous_Returns401()
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.GetAsync("/api/v1/account/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
