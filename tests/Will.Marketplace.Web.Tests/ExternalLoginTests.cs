using System.Text.RegularExpressions;

namespace Will.Marketplace.Web.Tests;

/// <summary>Sign-in through an OpenID Connect provider (as a SPID/CIE broker would be), with role and municipality mapped.</summary>
public sealed partial class ExternalLoginTests
{
    private FakeOidcProvider _provider = null!;
    private MarketplaceAppFactory _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _app = new MarketplaceAppFactory(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = _provider.Issuer,
            ["Authentication:Oidc:ClientId"] = "will-marketplace",
            ["Authentication:Oidc:ClientSecret"] = "test-secret",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
    }

    /// <summary>Walks the browser's path: site → provider → form post back → callback; answers the signed-in client.</summary>
    private async Task<(HttpClient Client, HttpResponseMessage Last)> SignInThroughProvider(Dictionary<string, object> identity)
    {
        _provider.NextIdentity = identity;
        var site = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var challenge = await site.GetAsync("/api/v1/account/external/login?returnUrl=%2F%23%2F");
        var consent = await (await browser.GetAsync(challenge.Headers.Location)).Content.ReadAsStringAsync();
        var action = new Uri(FormAction().Match(consent).Groups[1].Value);
        var fields = HiddenField().Matches(consent).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        var posted = await site.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            return (site, posted);
        }

        var callback = await site.GetAsync(posted.Headers.Location);
        return (site, callback);
    }

    [Test]
    public async Task SignIn_ThroughTheProvider_CreatesTheAccountWithTheMappedRoleAndMunicipality()
    {
        var (client, last) = await SignInThroughProvider(new()
        {
            ["sub"] = "SPID-RSSMRA80A01F205X",
            ["email"] = "maria.rossi@example.org",
            ["name"] = "Maria Rossi",
            ["will_role"] = "family",
            ["will_municipality"] = "034027",
        });
        var me = await client.GetFromJsonAsync<Me>("/api/v1/account/me");
        var providers = await client.GetStringAsync("/api/v1/account/external/providers");

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(last.Headers.Location!.ToString(), Is.EqualTo("/#/"));
        Assert.That(me!.Email, Is.EqualTo("maria.rossi@example.org"));
        Assert.That(me.DisplayName, Is.EqualTo("Maria Rossi"));
        Assert.That(me.Roles, Is.EqualTo(new[] { "family" }));
        Assert.That(me.MunicipalityName, Is.EqualTo("Parma"));
        Assert.That(providers, Does.Contain("SPID / CIE"));
        client.Dispose();
    }

    [Test]
    public async Task SignIn_Again_RemapsTheRoleTheProviderNowGives()
    {
        var identity = new Dictionary<string, object>
        {
            ["sub"] = "CIE-123456", ["email"] = "luca.bianchi@example.org", ["name"] = "Luca Bianchi",
            ["will_role"] = "family", ["will_municipality"] = "039014",
        };
        (await SignInThroughProvider(identity)).Client.Dispose();
        identity["will_role"] = "staff";

        var (client, _) = await SignInThroughProvider(identity);
        var me = await client.GetFromJsonAsync<Me>("/api/v1/account/me");

        Assert.That(me!.Roles, Is.EqualTo(new[] { "staff" }));
        Assert.That(me.MunicipalityCode, Is.EqualTo("039014"));
        client.Dispose();
    }

    [TestCase("admin", "034027")]
    [TestCase("family", "999999")]
    public async Task SignIn_WithAnUnmappableRoleOrMunicipality_IsRefused(string role, string municipality)
    {
        var (client, last) = await SignInThroughProvider(new()
        {
            ["sub"] = $"SPID-{Guid.NewGuid():N}", ["email"] = $"{Guid.NewGuid():N}@example.org", ["name"] = "X",
            ["will_role"] = role, ["will_municipality"] = municipality,
        });
        var me = await client.GetAsync("/api/v1/account/me");

        Assert.That(last.Headers.Location!.ToString(), Is.EqualTo("/#/login?error=external"));
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        client.Dispose();
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
