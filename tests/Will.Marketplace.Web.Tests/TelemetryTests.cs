using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Will.Marketplace.Web.Tests;

/// <summary>What operators get through OpenTelemetry: the app's own meters next to the HTTP and runtime ones.</summary>
public sealed class TelemetryTests
{
    [Test]
    public async Task Metrics_AfterARequestIsPlaced_HoldTheMatchingMetersWithTheHttpOnes()
    {
        var exported = new List<Metric>();
        await using var app = new MarketplaceAppFactory(services: services =>
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(exported)));
        using (var family = await app.ClientFor(Samples.Family(1, "bergamo")))
        {
            (await family.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(45.7101, 9.6601))).EnsureSuccessStatusCode();
        }

        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Assert.That(app.Services.GetService<TracerProvider>(), Is.Null, "no span is made while traces go nowhere");

        var names = exported.Select(m => m.Name).ToHashSet();
        Assert.That(names, Does.Contain("will.matching.placements").And.Contain("will.matching.decision.duration"));
        Assert.That(names, Does.Contain("http.server.request.duration"), "ASP.NET Core's own");
        Assert.That(names, Does.Contain("dotnet.gc.collections"), "the runtime's");
        Assert.That(names, Does.Contain("orleans-catalog-activations"), "Orleans'");
        var placed = exported.Where(m => m.Name == "will.matching.placements").SelectMany(Points).ToList();
        Assert.That(placed.Sum(p => p.GetSumLong()), Is.EqualTo(1));
        var tags = new Dictionary<string, object?>();
        foreach (var tag in placed.Single().Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        Assert.That(tags, Does.ContainKey("will.category").WithValue("nanny-share"));
        Assert.That(tags, Does.ContainKey("will.outcome").WithValue("started"));
        Assert.That(tags, Does.ContainKey("will.pulled_in").WithValue("0"));
    }

    /// <summary>With traces sent, a placement's trace runs from the HTTP request through the grain calls it made.</summary>
    [Test]
    public async Task Traces_WhenAnOtlpEndpointIsSet_FollowARequestIntoTheGrains()
    {
        var spans = new List<System.Diagnostics.Activity>();
        await using var app = new MarketplaceAppFactory(
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{FreePort.Next()}" },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        using (var family = await app.ClientFor(Samples.Family(2, "bergamo")))
        {
            (await family.PostAsJsonAsync("/api/v1/requests", Samples.NannyShareIn(45.7101, 9.6601))).EnsureSuccessStatusCode();
        }

        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        System.Diagnostics.Activity[] seen;
        lock (spans)
        {
            seen = [.. spans];
        }

        var posted = seen.Single(s => s.Kind == System.Diagnostics.ActivityKind.Server && s.DisplayName.StartsWith("POST /api/v1/requests", StringComparison.Ordinal));
        var grainCalls = seen.Where(s => s.TraceId == posted.TraceId && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).Select(s => s.DisplayName).ToList();
        Assert.That(grainCalls, Has.Some.Contains("IMatchmakerGrain/Place"), string.Join(", ", seen.Select(s => $"{s.Source.Name}: {s.DisplayName}")));
        Assert.That(seen.Where(s => s.DisplayName.Contains("/health", StringComparison.Ordinal)), Is.Empty, "health probes are left out");
    }

    [Test]
    public async Task Metrics_WhenAnOtlpEndpointIsSet_AreSentThere()
    {
        var port = FreePort.Next();
        using var collector = new System.Net.HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            try
            {
                while (collector.IsListening)
                {
                    var call = await collector.GetContextAsync();
                    received.TrySetResult($"{call.Request.HttpMethod} {call.Request.Url!.AbsolutePath} {call.Request.ContentType}");
                    call.Response.StatusCode = 200;
                    call.Response.Close();
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or System.Net.HttpListenerException)
            {
                // The test is over and the listener closed.
            }
        });
        await using var app = new MarketplaceAppFactory(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using (var client = app.CreateClient())
        {
            (await client.GetAsync("/api/v1/municipalities")).EnsureSuccessStatusCode();
        }

        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.That(await received.Task.WaitAsync(TimeSpan.FromSeconds(30)), Does.Match("^POST /v1/(metrics|traces) application/x-protobuf"));
    }

    private static IEnumerable<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }
}
