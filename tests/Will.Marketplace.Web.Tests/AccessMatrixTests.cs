using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Will.Marketplace.Web.Tests;

/// <summary>
/// Every GET endpoint of the API × every kind of caller: a family's request and pool must never show
/// up in the answer of someone who may not see them. New endpoints join the matrix automatically; one
/// with a route parameter the matrix does not know fails until it is taught here.
/// </summary>
public sealed class AccessMatrixTests
{
    private static readonly string[] Callers =
    [
        "family.1@como.demo", "family.2@como.demo", "family.1@bergamo.demo",
        "staff@como.demo", "staff@bergamo.demo", "provider.1@como.demo", "provider.1@bergamo.demo", "admin@demo", "anonymous",
    ];

    /// <summary>
    /// Who may see the owner's request (the family, and its municipality's staff, who see everything in
    /// their municipality), and who may see its pool (members' identities are never in a pool view).
    /// </summary>
    private static readonly HashSet<string> MaySeeRequest = ["family.1@como.demo", "staff@como.demo"];
    private static readonly HashSet<string> MaySeePool = ["family.1@como.demo", "staff@como.demo", "provider.1@como.demo", "admin@demo"];

    /// <summary>An order of two other Como families (3 and 4, whose only other test posts requests), billed: its bills, payments and ledger are its municipality's staff's to see.</summary>
    private static readonly HashSet<string> MaySeeOrder = ["staff@como.demo"];

    [Test]
    public async Task GetEndpoints_ForEveryCaller_NeverLeakAnotherFamilysOrTenantsRecords()
    {
        using var owner = await AppFixture.App.ClientFor("family.1@como.demo");
        var created = await (await owner.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.8081, 9.0852, "0-2", "friday"))).Content.ReadFromJsonAsync<Created>();
        var requestId = created!.Request.Id.ToString();
        var poolId = created.Pool.Id.ToString();
        var order = (await MoneySeed.OrdersAsync(AppFixture.App, "013075", "como.demo", "after-school", [[3, 4]]))[0];
        using (var comoStaff = await AppFixture.App.ClientFor("staff@como.demo"))
        {
            await Money.MoneyArrange.BillAsync(comoStaff, MoneySeed.CurrentPeriod);
        }

        var orderId = order.OrderId.ToString();
        var leaks = new List<string>();
        var visited = 0;

        foreach (var route in GetRoutes())
        {
            var path = "/" + route
                .Replace("{id:guid}", route.StartsWith("api/v1/requests", StringComparison.Ordinal) ? requestId : poolId, StringComparison.Ordinal)
                .Replace("{poolId:guid}", poolId, StringComparison.Ordinal)
                .Replace("{orderId:guid}", orderId, StringComparison.Ordinal)
                .Replace("{municipalityCode}", "013075", StringComparison.Ordinal);
            Assert.That(path, Does.Not.Contain("{"), $"teach the access matrix the parameters of {route}");
            foreach (var caller in Callers)
            {
                using var client = caller == "anonymous" ? AppFixture.App.CreateClient() : await AppFixture.App.ClientFor(caller);
                var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                visited++;
                Assert.That((int)response.StatusCode, Is.LessThan(500), $"{caller} GET {path}");
                if (body.Contains(requestId, StringComparison.Ordinal) && !MaySeeRequest.Contains(caller))
                {
                    leaks.Add($"{caller} saw the request in GET {path}");
                }

                if (body.Contains(poolId, StringComparison.Ordinal) && !MaySeePool.Contains(caller) && !MaySeeRequest.Contains(caller))
                {
                    leaks.Add($"{caller} saw the pool in GET {path}");
                }

                if (body.Contains(orderId, StringComparison.Ordinal) && !MaySeeOrder.Contains(caller))
                {
                    leaks.Add($"{caller} saw another family's order (its bills or ledger) in GET {path}");
                }

                if (body.Contains("family.1@como.demo", StringComparison.OrdinalIgnoreCase) && !MaySeeRequest.Contains(caller))
                {
                    leaks.Add($"{caller} saw the family's e-mail in GET {path}");
                }
            }
        }

        Assert.That(visited, Is.GreaterThanOrEqualTo(8 * Callers.Length), "the matrix covers the API's GET endpoints");
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task GetById_AcrossTenantsOrFamilies_AnswersNotFoundNotForbidden()
    {
        using var owner = await AppFixture.App.ClientFor("family.3@como.demo");
        var created = await (await owner.PostAsJsonAsync("/api/v1/requests", Samples.AfterSchoolIn(45.8081, 9.0852, "6-10", "monday"))).Content.ReadFromJsonAsync<Created>();

        var answers = new List<(string Who, string Path, HttpStatusCode Status)>();
        foreach (var who in new[] { "family.4@como.demo", "family.2@bergamo.demo", "staff@bergamo.demo", "provider.2@bergamo.demo" })
        {
            using var client = await AppFixture.App.ClientFor(who);
            answers.Add((who, "pool", (await client.GetAsync($"/api/v1/pools/{created!.Pool.Id}")).StatusCode));
            if (who.StartsWith("family", StringComparison.Ordinal))
            {
                answers.Add((who, "request", (await client.GetAsync($"/api/v1/requests/{created.Request.Id}")).StatusCode));
            }
        }

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.NotFound), string.Join("; ", answers));
    }

    private static IEnumerable<string> GetRoutes() =>
        AppFixture.App.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null || e.RoutePattern.RawText!.Contains('{', StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/'))
            .Distinct()
            .Order();
}
