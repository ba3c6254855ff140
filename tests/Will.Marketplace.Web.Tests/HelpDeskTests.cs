namespace Will.Marketplace.Web.Tests;

/// <summary>Staff at a municipal desk acting for a resident who is not online.</summary>
public sealed class HelpDeskTests
{
    private static async Task<Guid> IdOf(string email)
    {
        using var client = await AppFixture.App.ClientFor(email);
        return (await client.GetFromJsonAsync<Me>("/api/v1/account/me"))!.Id;
    }

    private static async Task<HttpClient> DeskFor(string staff, Guid family)
    {
        var client = await AppFixture.App.ClientFor(staff);
        client.DefaultRequestHeaders.Add("X-On-Behalf-Of", family.ToString());
        return client;
    }

    [Test]
    public async Task StaffOfTheCity_PostsARequestForAFamily_ItIsTheFamilysAndTheAuditNamesBoth()
    {
        var family = await IdOf("family.5@mantova.demo");
        var staff = await IdOf("staff@mantova.demo");
        using var desk = await DeskFor("staff@mantova.demo", family);

        var response = await desk.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.1564, 10.7914, "6-10", "wednesday"));
        var created = await response.Content.ReadFromJsonAsync<Created>();
        using var familyClient = await AppFixture.App.ClientFor("family.5@mantova.demo");
        var familysRequests = await familyClient.GetFromJsonAsync<List<Request>>("/api/v1/requests");
        using var auditor = await AppFixture.App.ClientFor("staff@mantova.demo");
        var audit = await auditor.GetFromJsonAsync<List<AuditEntry>>("/api/v1/audit?take=1000");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(familysRequests!.Select(r => r.Id), Does.Contain(created!.Request.Id));
        var entry = audit!.Single(a => a.Action == "create" && a.ResourceId == created.Request.Id.ToString());
        Assert.That(entry.ActorId, Is.EqualTo(staff));
        Assert.That(entry.ActorRoles, Is.EqualTo("staff"));
        Assert.That(entry.OnBehalfOfId, Is.EqualTo(family));
        Assert.That(entry.SubjectId, Is.EqualTo(family));
        Assert.That((entry.ActorName, entry.OnBehalfOfName), Is.EqualTo(("Ufficio welfare Mantova", "Famiglia Esposito")));
    }

    [Test]
    public async Task StaffOfAnotherCity_CannotActForTheFamily_AndLearnsNothing()
    {
        var family = await IdOf("family.6@mantova.demo");
        using var desk = await DeskFor("staff@parma.demo", family);

        var response = await desk.GetAsync("/api/v1/requests");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("family.1@mantova.demo")]
    [TestCase("provider.1@mantova.demo")]
    public async Task AnyoneButStaff_UsingTheHeader_IsForbidden(string who)
    {
        var family = await IdOf("family.2@mantova.demo");
        using var client = await DeskFor(who, family);

        var response = await client.GetAsync("/api/v1/requests");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task StaffActingForAnotherStaffOrProvider_IsNotFound()
    {
        var provider = await IdOf("provider.2@mantova.demo");
        using var desk = await DeskFor("staff@mantova.demo", provider);

        var response = await desk.GetAsync("/api/v1/requests");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task FindResident_OnlyFindsFamiliesOfTheStaffsOwnMunicipality()
    {
        using var mantova = await AppFixture.App.ClientFor("staff@mantova.demo");
        using var parma = await AppFixture.App.ClientFor("staff@parma.demo");
        using var family = await AppFixture.App.ClientFor("family.3@mantova.demo");

        var found = await mantova.GetFromJsonAsync<List<Me>>("/api/v1/residents?email=FAMILY.3@mantova.demo");
        var notTheirs = await parma.GetFromJsonAsync<List<Me>>("/api/v1/residents?email=family.3@mantova.demo");
        var staffNotFamily = await mantova.GetFromJsonAsync<List<Me>>("/api/v1/residents?email=provider.1@mantova.demo");
        var missing = await mantova.GetAsync("/api/v1/residents");
        var byFamily = await family.GetAsync("/api/v1/residents?email=family.4@mantova.demo");

        Assert.That(found!.Select(r => r.Email), Is.EqualTo(new[] { "family.3@mantova.demo" }));
        Assert.That(notTheirs, Is.Empty);
        Assert.That(staffNotFamily, Is.Empty);
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(byFamily.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
