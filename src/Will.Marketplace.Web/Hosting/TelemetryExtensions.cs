using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Will.Marketplace.Web.Hosting;

public static class TelemetryExtensions
{
    /// <summary>The service name metrics and traces carry.</summary>
    public const string ServiceName = "will-marketplace";

    /// <summary>
    /// Metrics and traces through OpenTelemetry. Metrics: HTTP requests served and made (Stripe, sign-in
    /// providers), the runtime, Orleans, and the app's own meters (matching, database writes: every meter
    /// named <c>Will.Marketplace.*</c>). Traces, only when they are sent: HTTP served (health probes left
    /// out) and made, and the grain calls in between. Sent over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// is set (an OpenTelemetry Collector, say; the other standard <c>OTEL_*</c> variables apply); with none,
    /// nothing leaves the process and no span is made.
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Will.Marketplace.*", "Microsoft.Orleans"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource(ActivitySources.AllActivitySourceName))
                .UseOtlpExporter();
        }

        return builder;
    }
}
