using System.Text;

namespace Will.Marketplace.Web.Tests;

/// <summary>Malformed and hostile input on every endpoint gets a 400 problem naming the field; never a 500.</summary>
public sealed class BadInputTests
{
    private static readonly string Huge = new('x', 200_000);
    private static readonly string Slot = """{"day":"monday","start":"15:00","end":"18:00"}""";
    private static readonly string Location = """{"latitude":45.7,"longitude":9.68}""";

    private static string Body(string? category = "\"after-school\"", string? location = null, string? schedule = null, string? startDate = null, string? attributes = null, string? price = null) =>
        $$"""{"categoryCode":{{category}},"location":{{location ?? Location}},"schedule":{{schedule ?? $"[{Slot},{Slot.Replace("monday", "wednesday", StringComparison.Ordinal)}]"}},"startDate":{{startDate ?? $"\"{Samples.StartDate}\""}},"attributes":{{attributes ?? "{}"}},"maxPricePerHourCents":{{price ?? "null"}}}""";

    public static IEnumerable<TestCaseData> RequestBodies()
    {
        yield return new TestCaseData("not json at all", "body").SetName("Requests_NotJson");
        yield return new TestCaseData("[]", "body").SetName("Requests_ArrayInsteadOfObject");
        yield return new TestCaseData("{}", "categoryCode").SetName("Requests_Empty");
        yield return new TestCaseData(Body(category: "42"), "categoryCode").SetName("Requests_CategoryWrongType");
        yield return new TestCaseData(Body(category: "\"<script>alert(1)</script>\""), "categoryCode").SetName("Requests_CategoryScript");
        yield return new TestCaseData(Body(category: $"\"{Huge}\""), "categoryCode").SetName("Requests_CategoryHuge");
        yield return new TestCaseData(Body(location: "\"here\""), "location").SetName("Requests_LocationWrongType");
        yield return new TestCaseData(Body(location: """{"latitude":"north","longitude":9}"""), "location.latitude").SetName("Requests_LatitudeString");
        yield return new TestCaseData(Body(location: """{"latitude":1e400,"longitude":9}"""), "location.latitude").SetName("Requests_LatitudeOverflow");
        yield return new TestCaseData(Body(location: """{"latitude":-91,"longitude":9}"""), "location.latitude").SetName("Requests_LatitudeOutOfRange");
        yield return new TestCaseData(Body(location: """{"latitude":45.7}"""), "location.longitude").SetName("Requests_LongitudeMissing");
        yield return new TestCaseData(Body(schedule: "[]"), "schedule").SetName("Requests_ScheduleEmpty");
        yield return new TestCaseData(Body(schedule: "\"mon 15-18\""), "schedule").SetName("Requests_ScheduleWrongType");
        yield return new TestCaseData(Body(schedule: """[{"day":"funday","start":"15:00","end":"18:00"}]"""), "schedule[0].day").SetName("Requests_UnknownDay");
        yield return new TestCaseData(Body(schedule: """[{"day":"monday","start":"18:00","end":"15:00"}]"""), "schedule[0].end").SetName("Requests_EndBeforeStart");
        yield return new TestCaseData(Body(schedule: """[{"day":"monday","start":"25:00","end":"26:00"}]"""), "schedule[0].start").SetName("Requests_HourOutOfRange");
        yield return new TestCaseData(Body(schedule: """[{"day":"monday","start":"15:00","end":"15:05"}]"""), "schedule[0].end").SetName("Requests_SlotTooShort");
        yield return new TestCaseData(Body(schedule: """[null]"""), "schedule[0]").SetName("Requests_NullSlot");
        yield return new TestCaseData(Body(schedule: "[" + string.Join(',', Enumerable.Repeat(Slot, 100)) + "]"), "schedule").SetName("Requests_TooManySlots");
        yield return new TestCaseData(Body(schedule: """[{"day":"monday","start":"15:00","end":"16:00"}]"""), "schedule").SetName("Requests_GroupScheduleShorterThanTheCategoryMinimum");
        yield return new TestCaseData(Body(startDate: "\"yesterday\""), "startDate").SetName("Requests_StartDateNotADate");
        yield return new TestCaseData(Body(startDate: "\"2001-01-01\""), "startDate").SetName("Requests_StartDateInThePast");
        yield return new TestCaseData(Body(startDate: "\"9999-12-31\""), "startDate").SetName("Requests_StartDateFarFuture");
        yield return new TestCaseData(Body(attributes: "[1,2]"), "attributes").SetName("Requests_AttributesWrongType");
        yield return new TestCaseData(Body(attributes: $$"""{"ageBand":"{{Huge}}"}"""), "attributes.ageBand").SetName("Requests_AttributeValueHuge");
        yield return new TestCaseData(Body(attributes: """{"<script>":"x"}"""), "attributes").SetName("Requests_AttributeKeyScript");
        yield return new TestCaseData(Body(price: "-1"), "maxPricePerHourCents").SetName("Requests_NegativePrice");
        yield return new TestCaseData(Body(price: "99999999999999999999999"), "maxPricePerHourCents").SetName("Requests_PriceOverflow");
        yield return new TestCaseData(Body(price: "12.5"), "maxPricePerHourCents").SetName("Requests_PriceNotCents");
        yield return new TestCaseData(Body(price: "\"ten euro\""), "maxPricePerHourCents").SetName("Requests_PriceString");
    }

    [TestCaseSource(nameof(RequestBodies))]
    public async Task CreateRequest_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        using var client = await AppFixture.App.ClientFor(Samples.Family(4, "novara"));
        var before = await client.GetFromJsonAsync<List<Request>>("/api/v1/requests");

        var response = await client.PostAsync("/api/v1/requests", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        var after = await client.GetFromJsonAsync<List<Request>>("/api/v1/requests");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
        Assert.That(after, Has.Count.EqualTo(before!.Count), "nothing is half-written");
    }

    [TestCase("not json", "body")]
    [TestCase("""{"email":42,"password":"x"}""", "email")]
    [TestCase("""{"email":"a@b.c"}""", "password")]
    [TestCase("""{"password":"x"}""", "email")]
    public async Task Login_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.PostAsync("/api/v1/account/login", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
    }

    [Test]
    public async Task Login_WithHugeOrHostileEmail_Returns4xxProblemNever500()
    {
        using var client = AppFixture.App.CreateClient();

        var huge = await client.PostAsJsonAsync("/api/v1/account/login", new { email = Huge, password = "x" });
        var script = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "<script>alert(1)</script>", password = "x" });

        Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(script.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("""{"refreshToken":17}""", "refreshToken")]
    [TestCase("{}", "refreshToken")]
    public async Task Refresh_WithBadInput_Returns400NamingTheField(string body, string field)
    {
        using var client = AppFixture.App.CreateClient();

        var response = await client.PostAsync("/api/v1/account/refresh", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
    }

    [TestCase("/api/v1/audit?take=abc", "take")]
    [TestCase("/api/v1/audit?take=99999999999999", "take")]
    [TestCase("/api/v1/audit?from=yesterday", "from")]
    [TestCase("/api/v1/audit?to=%3Cscript%3E", "to")]
    [TestCase("/api/v1/audit?take=-5", "take")]
    public async Task Query_WithBadValues_Returns400NamingTheParameter(string path, string field)
    {
        using var client = await AppFixture.App.ClientFor("staff@novara.demo");

        var response = await client.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
    }

    [TestCase("/api/v1/account/erase", "{\"password\":123}", "password")]
    [TestCase("/api/v1/account/erase", "{}", "password")]
    [TestCase("/api/v1/account/erase", "[\"<script>\"]", "body")]
    [TestCase("/api/v1/account/2fa/enable", "{\"code\":[1,2]}", "code")]
    [TestCase("/api/v1/account/2fa/enable", "{\"code\":\"99999999999999999999\"}", "code")]
    [TestCase("/api/v1/account/2fa/enable", "{}", "code")]
    public async Task AccountWrites_WithBadBodies_Return400NamingTheField(string path, string body, string field)
    {
        using var client = await AppFixture.App.ClientFor(Samples.Family(3, "novara"));

        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors!.Keys, Does.Contain(field));
    }

    [TestCase("/api/v1/requests/not-a-guid/withdraw")]
    [TestCase("/api/v1/requests/00000000-0000-0000-0000-000000000000/withdraw")]
    public async Task Withdraw_WithUnknownOrMalformedIds_Returns404Problem(string path)
    {
        using var client = await AppFixture.App.ClientFor(Samples.Family(3, "novara"));

        var response = await client.PostAsync(path, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("/api/v1/pools/not-a-guid")]
    [TestCase("/api/v1/requests/99999999999999999999")]
    [TestCase("/api/v1/pools/00000000-0000-0000-0000-000000000000")]
    public async Task Get_WithUnknownOrMalformedIds_Returns404Problem(string path)
    {
        using var client = await AppFixture.App.ClientFor(Samples.Family(4, "novara"));

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}
