using System.Net.Http.Headers;
using System.Text.Json;

namespace Will.Marketplace.Web.Tests;

/// <summary>Staff rights need a session opened with a second factor when the deployment requires it.</summary>
public sealed class TwoFactorTests
{
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new MarketplaceAppFactory(new Dictionary<string, string?> { ["Security:RequireStaffTwoFactor"] = "true" });

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> Login(object body)
    {
        using var client = _app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/account/login", body);
    }

    private HttpClient With(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Test]
    public async Task Staff_WithoutASecondFactor_AreRefusedUntilTheyEnableOneAndSignInWithIt()
    {
        const string staff = "staff@como.demo";
        var password = MarketplaceAppFactory.DemoPassword;
        var first = (await (await Login(new { email = staff, password })).Content.ReadFromJsonAsync<TokenResponse>())!;
        using var singleFactor = With(first.AccessToken);

        var refused = await singleFactor.GetAsync("/api/v1/audit");
        var setup = await (await singleFactor.PostAsync("/api/v1/account/2fa/setup", null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = setup.GetProperty("sharedKey").GetString()!;
        var wrongCode = await singleFactor.PostAsJsonAsync("/api/v1/account/2fa/enable", new { code = "000000" == Totp.Now(key) ? "111111" : "000000" });
        var enabled = await singleFactor.PostAsJsonAsync("/api/v1/account/2fa/enable", new { code = Totp.Now(key) });
        var recoveryCodes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var passwordOnly = await Login(new { email = staff, password });
        var passwordOnlyProblem = await passwordOnly.Content.ReadFromJsonAsync<JsonElement>();
        var withCode = (await (await Login(new { email = staff, password, twoFactorCode = Totp.Now(key) })).Content.ReadFromJsonAsync<TokenResponse>())!;
        using var twoFactor = With(withCode.AccessToken);
        var allowed = await twoFactor.GetAsync("/api/v1/audit");
        var withRecovery = await Login(new { email = staff, password, twoFactorRecoveryCode = recoveryCodes[0] });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(setup.GetProperty("authenticatorUri").GetString(), Does.StartWith("otpauth://totp/"));
        Assert.That(wrongCode.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(enabled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(recoveryCodes, Has.Count.EqualTo(10));
        Assert.That(passwordOnly.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(passwordOnlyProblem.GetProperty("requiresTwoFactor").GetBoolean(), Is.True);
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(withRecovery.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Families_NeedNoSecondFactor()
    {
        var login = await Login(new { email = "family.1@como.demo", password = MarketplaceAppFactory.DemoPassword });
        using var family = With((await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);

        var response = await family.GetAsync("/api/v1/requests");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
