using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Will.Marketplace.Benchmarks;

/// <summary>
/// Which types a stretch of the run allocates, from the runtime's own sampling: it raises an
/// allocation tick about every 100 KB a thread allocates, naming the type of the object that crossed
/// the line and the bytes since the last tick. Summed per type over many ticks this is an estimate
/// (each tick's bytes are put on one type), good to a few percent for types that take a few percent.
/// Counts only while <see cref="Counting"/> is set.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();

    /// <summary>Whether ticks are counted now.</summary>
    public bool Counting { get; set; }

    /// <summary>The <paramref name="top"/> types by estimated bytes, each per <paramref name="per"/> operations.</summary>
    public IEnumerable<string> Report(int top, long per) =>
        _bytesByType.OrderByDescending(t => t.Value).Take(top)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value / (double)per,8:F0} B  {t.Key}"));

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!Counting || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        var (typeName, amount) = ("?", 0L);
        for (var i = 0; i < eventData.PayloadNames!.Count; i++)
        {
            switch (eventData.PayloadNames[i])
            {
                case "TypeName":
                    typeName = eventData.Payload[i] as string ?? "?";
                    break;
                case "AllocationAmount64":
                    amount = Convert.ToInt64(eventData.Payload[i], CultureInfo.InvariantCulture);
                    break;
            }
        }

        _bytesByType.AddOrUpdate(typeName, amount, (_, sum) => sum + amount);
    }
}
