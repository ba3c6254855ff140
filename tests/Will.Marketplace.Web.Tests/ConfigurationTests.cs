namespace Will.Marketplace.Web.Tests;

/// <summary>A bad setting stops the app at start with a message naming the key.</summary>
public sealed class ConfigurationTests
{
    [TestCase("Database:Provider", "Oracle", "Database:Provider")]
    [TestCase("Stripe:SecretKey", "pk_test_not_a_secret_key", "Stripe:SecretKey")]
    [TestCase("Stripe:WebhookSecret", "secret", "Stripe:WebhookSecret")]
    [TestCase("Demo:FamiliesPerCity", "0", "Demo:FamiliesPerCity")]
    [TestCase("Orleans:SiloPort", "70000", "Orleans:SiloPort")]
    public async Task Start_WithABadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        await using var app = new MarketplaceAppFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Catch(() => app.CreateClient());

        Assert.That(Flatten(error!), Does.Contain(named));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " " + Flatten(inner) : "");
}
