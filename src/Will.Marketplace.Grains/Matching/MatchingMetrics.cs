using System.Diagnostics.Metrics;

namespace Will.Marketplace.Grains.Matching;

/// <summary>
/// The matchmakers' meter, for whoever collects metrics (the web host sends them over OTLP when an
/// endpoint is configured; the benchmarks read them): requests placed, by category and outcome, and how
/// long the placement rule takes to decide (the domain's work alone, no I/O). A decision's time is what
/// the matching engine's speed depends on (docs/benchmarks.md), so operators can watch it in production.
/// </summary>
public static class MatchingMetrics
{
    public const string MeterName = "Will.Marketplace.Matching";

    /// <summary>Tag: the service category's code.</summary>
    public const string CategoryTag = "will.category";

    /// <summary>Tag: where the request went, <c>joined</c> (a pool) or <c>started</c> (a new pool).</summary>
    public const string OutcomeTag = "will.outcome";

    /// <summary>Tag: how many waiting families the placement pulled into its pool with it (0, 1, 2 or "3+").</summary>
    public const string PulledInTag = "will.pulled_in";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Placements = Meter.CreateCounter<long>(
        "will.matching.placements", unit: "{request}", description: "Requests placed by a matchmaker, by category and outcome.");

    internal static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram(
        "will.matching.decision.duration",
        unit: "s",
        description: "Time the placement rule took to decide where a request goes (the domain's work, no I/O).",
        tags: null,
        // Decisions take microseconds: the default boundaries (made for milliseconds and more) would put every one in the first bucket.
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 1e-2, 0.1] });

    internal static void Placed(string categoryCode, bool startedPool, int pulledIn) =>
        Placements.Add(
            1,
            new KeyValuePair<string, object?>(CategoryTag, categoryCode),
            new KeyValuePair<string, object?>(OutcomeTag, startedPool ? "started" : "joined"),
            new KeyValuePair<string, object?>(PulledInTag, pulledIn switch { 0 => "0", 1 => "1", 2 => "2", _ => "3+" }));

    internal static void Decided(string categoryCode, TimeSpan elapsed) =>
        DecisionDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(CategoryTag, categoryCode));
}
