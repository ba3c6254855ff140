namespace Will.Marketplace.Web.Tests;

internal sealed record AuditEntry(Guid Id, DateTimeOffset At, Guid? ActorId, string ActorRoles, Guid? OnBehalfOfId, string Action, string Resource, string? ResourceId, Guid? SubjectId, string? IpAddress, string? ActorName = null, string? OnBehalfOfName = null);

/// <summary>The append-only audit log: sign-ins, denials and changes to personal records, visible to the municipality's staff only.</summary>
public sealed class AuditTests
{
    private static async Task<List<AuditEntry>> AuditSeenBy(string staff)
    {
        using var client = await AppFixture.App.ClientFor(staff);
        return (await client.GetFromJsonAsync<List<AuditEntry>>("/api/v1/audit?take=1000"))!;
    }

    [Test]
    public async Task SignIns_SucceededAndFailed_AreOnRecordForTheCitysStaffOnly()
    {
        using var anonymous = AppFixture.App.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/account/login", new { email = "family.2@verona.demo", password = "wrong password" });
        using var family = await AppFixture.App.ClientFor("family.2@verona.demo");
        var me = await family.GetFromJsonAsync<Me>("/api/v1/account/me");

        var verona = await AuditSeenBy("staff@verona.demo");
        var novara = await AuditSeenBy("staff@novara.demo");

        Assert.That(verona.Any(a => a.Action == "sign-in-failed" && a.SubjectId == me!.Id && a.ActorId == null), Is.True);
        Assert.That(verona.Any(a => a.Action == "sign-in" && a.SubjectId == me!.Id && a.ActorId == me.Id && a.ActorRoles == "family"), Is.True);
        // Staff read who did it by name.
        Assert.That(verona.Where(a => a.ActorId == me!.Id).Select(a => a.ActorName).Distinct(), Is.EqualTo(new[] { me!.DisplayName }));
        Assert.That(novara.Any(a => a.SubjectId == me!.Id), Is.False);
    }

    [Test]
    public async Task CreatingARequest_IsRecordedWithItsFamilyAsSubject()
    {
        using var family = await AppFixture.App.ClientFor("family.3@verona.demo");
        var created = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.4384, 10.9916, "3-5"))).Content.ReadFromJsonAsync<Created>();

        var entries = await AuditSeenBy("staff@verona.demo");

        var entry = entries.Single(a => a.Action == "create" && a.ResourceId == created!.Request.Id.ToString());
        Assert.That(entry.Resource, Is.EqualTo("request"));
        Assert.That(entry.SubjectId, Is.EqualTo(entry.ActorId));
    }

    [Test]
    public async Task ForbiddenCalls_AreRecordedAsDenied()
    {
        using var provider = await AppFixture.App.ClientFor("provider.2@verona.demo");
        var response = await provider.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.4384, 10.9916));

        var entries = await AuditSeenBy("staff@verona.demo");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(entries.Any(a => a.Action == "denied" && a.Resource == "POST /api/v1/requests" && a.ActorRoles == "provider"), Is.True);
    }

    [TestCase("family.1@verona.demo", HttpStatusCode.Forbidden)]
    [TestCase("provider.1@verona.demo", HttpStatusCode.Forbidden)]
    [TestCase("admin@demo", HttpStatusCode.Forbidden)]
    public async Task AuditLog_ForAnyoneButStaff_IsForbidden(string who, HttpStatusCode expected)
    {
        using var client = await AppFixture.App.ClientFor(who);

        var response = await client.GetAsync("/api/v1/audit");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task AuditLog_WithAnOutOfRangeTake_Returns400NamingTake()
    {
        using var staff = await AppFixture.App.ClientFor("staff@verona.demo");

        var response = await staff.GetAsync("/api/v1/audit?take=0");
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.That(problem!.Errors!.Keys, Is.EquivalentTo(new[] { "take" }));
    }
}

internal sealed record PersonalData(DateTimeOffset ExportedAt, Me Account, List<Request> Requests, List<Membership> PoolMemberships, List<AuditEntry> AccessLog, List<WrittenMessage> PoolMessages);

internal sealed record WrittenMessage(Guid PoolId, string Text, DateTimeOffset SentAt);

internal sealed record Membership(Guid PoolId, Guid RequestId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

public sealed class PersonalDataTests
{
    [Test]
    public async Task Export_ReturnsTheFamilysOwnDataAndNobodyElses()
    {
        using var family = await AppFixture.App.ClientFor("family.4@verona.demo");
        using var neighbour = await AppFixture.App.ClientFor("family.1@verona.demo");
        var mine = await (await family.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.4384, 10.9916, "11-13", "monday"))).Content.ReadFromJsonAsync<Created>();
        var theirs = await (await neighbour.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.4384, 10.9916, "11-13", "monday"))).Content.ReadFromJsonAsync<Created>();

        await family.PostAsJsonAsync($"/api/v1/pools/{mine!.Pool.Id}/messages", new { text = "Ciao a tutti" });
        await neighbour.PostAsJsonAsync($"/api/v1/pools/{theirs!.Pool.Id}/messages", new { text = "Buongiorno" });

        var response = await family.GetAsync("/api/v1/account/data");
        var data = await response.Content.ReadFromJsonAsync<PersonalData>();

        Assert.That(response.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
        Assert.That(data!.Account.Email, Is.EqualTo("family.4@verona.demo"));
        Assert.That(data.Requests.Select(r => r.Id), Is.EqualTo(new[] { mine.Request.Id }));
        Assert.That(data.PoolMemberships.Select(m => m.RequestId), Is.EqualTo(new[] { mine.Request.Id }));
        Assert.That(data.AccessLog.Any(a => a.Action == "create" && a.ResourceId == mine.Request.Id.ToString()), Is.True);
        Assert.That(data.AccessLog.Any(a => a.ResourceId == theirs.Request.Id.ToString()), Is.False);
        Assert.That(data.PoolMessages.Select(m => (m.PoolId, m.Text)), Is.EqualTo(new[] { (mine.Pool.Id, "Ciao a tutti") }), "what it wrote, not what others wrote");
    }
}
