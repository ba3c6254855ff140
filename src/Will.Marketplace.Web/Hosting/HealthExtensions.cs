using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Will.Marketplace.Web.Hosting;

public static class HealthExtensions
{
    /// <summary>/health/live: the process answers. /health/ready: database reachable and the silo active.</summary>
    public static WebApplication MapMarketplaceHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    public static IHealthChecksBuilder AddSiloCheck(this IHealthChecksBuilder checks) =>
        checks.AddCheck<SiloHealthCheck>("orleans-silo", tags: ["ready"]);

    private sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The local Orleans silo is not active."));
    }
}
