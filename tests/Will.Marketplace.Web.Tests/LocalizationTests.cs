using System.Text;

namespace Will.Marketplace.Web.Tests;

public sealed class LocalizationTests
{
    [TestCase(null, "Scegli un servizio.")]
    [TestCase("it-IT,it;q=0.9", "Scegli un servizio.")]
    [TestCase("en-GB,en;q=0.9", "Choose a service category.")]
    public async Task ValidationMessages_FollowAcceptLanguage_ItalianByDefault(string? acceptLanguage, string expected)
    {
        using var client = await AppFixture.App.ClientFor(Samples.Family(3, "verona"));
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null)
        {
            message.Headers.Add("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(message);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(problem!.Errors!["categoryCode"], Is.EqualTo(new[] { expected }));
    }
}
