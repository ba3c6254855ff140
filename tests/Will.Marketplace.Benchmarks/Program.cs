using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Will.Marketplace.Abstractions.Matching;
using Will.Marketplace.Benchmarks;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Matching;
using Will.Marketplace.Domain.Pools;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Domain.Requests;
using Will.Marketplace.Domain.Scheduling;
using Will.Marketplace.Grains.Matching;

// dotnet run -c Release --project tests/Will.Marketplace.Benchmarks -- <command>; docs/benchmarks.md explains each.
var command = args.FirstOrDefault() ?? "help";
var option = (string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var seed = int.Parse(option("--seed", "2026"), CultureInfo.InvariantCulture);
var startDates = args.Contains("--start-dates");

switch (command)
{
    case "generate":
        var instance = InstanceGenerator.Generate(int.Parse(option("--requests", "1000"), CultureInfo.InvariantCulture), seed, startDates);
        instance.Save(option("--out", "instance.json"));
        Console.WriteLine($"{instance.Requests.Count} requests written to {option("--out", "instance.json")}");
        break;
    case "online":
        var loaded = Instance.Load(args[1]);

        // Passes not counted first (each on pools of its own), then a quiet second for the JIT's
        // background tiering: with none, the counted pass runs partly in unoptimised and instrumented code.
        var warmUps = int.Parse(option("--warm-up", "0"), CultureInfo.InvariantCulture);
        for (var pass = 0; pass < warmUps; pass++)
        {
            PoolingQuality.Online(loaded);
        }

        if (warmUps > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }

        // What a cold decision's sweep writes through is made first: its 16 MiB are not the requests' bytes.
        var coldEvery = int.Parse(option("--cold", "0"), CultureInfo.InvariantCulture);
        var sweep = coldEvery > 0 ? new long[(int.Parse(option("--sweep-mb", "16"), CultureInfo.InvariantCulture) << 20) / sizeof(long)] : null;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var online = PoolingQuality.Online(loaded, coldEvery: coldEvery, sweep: sweep);
        var allocatedPerRequest = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)loaded.Requests.Count;
        foreach (var pool in online.Pools.OrderBy(p => p.MunicipalityCode).ThenBy(p => p.CategoryCode).ThenBy(p => p.CreatedAt))
        {
            Console.WriteLine($"{pool.MunicipalityCode} {pool.CategoryCode,-24} {pool.Status,-11} {pool.Members.Count}/{pool.Capacity} (quorum {pool.Quorum})");
        }

        Console.WriteLine($"{online.Pooled} of {online.Pools.Sum(p => p.Members.Count)} requests pooled in {online.ViablePools} pools at quorum; {online.Pools.Count} pools in all; placed in {online.Elapsed.TotalMilliseconds:F0} ms ({online.Elapsed.TotalMicroseconds / online.Pools.Sum(p => p.Members.Count):F1} µs and {allocatedPerRequest:F0} bytes allocated each, one thread{(warmUps > 0 ? $", after {warmUps} passes not counted" : "")})");
        if (online.ColdDecisions.Count > 0)
        {
            var sorted = online.ColdDecisions.Order().ToList();
            Console.WriteLine($"cold decisions (one in {coldEvery}, each after {option("--sweep-mb", "16")} MiB written through the caches): {sorted.Count}, median {sorted[sorted.Count / 2]:F1} µs, mean {sorted.Average():F1} µs, 90th percentile {sorted[sorted.Count * 9 / 10]:F1} µs");
        }
        break;
    case "quality":
        foreach (var size in option("--sizes", "300,1000,3000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            Quality(InstanceGenerator.Generate(size, seed, startDates), [.. option("--what-if-open-days", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => TimeSpan.FromDays(int.Parse(d, CultureInfo.InvariantCulture)))]);
        }

        break;
    case "speed":
        await Speed(int.Parse(option("--requests", "60000"), CultureInfo.InvariantCulture), int.Parse(option("--workers", "512"), CultureInfo.InvariantCulture), int.Parse(option("--rounds", "5"), CultureInfo.InvariantCulture), int.Parse(option("--jit-warm-up", "20000"), CultureInfo.InvariantCulture), int.Parse(option("--pings", "6"), CultureInfo.InvariantCulture), args.Contains("--allocations"));
        break;
    case "memory":
        await Memory(int.Parse(option("--requests", "100000"), CultureInfo.InvariantCulture));
        break;
    case "durable":
        await Durable(int.Parse(option("--requests", "3000"), CultureInfo.InvariantCulture), int.Parse(option("--workers", "16"), CultureInfo.InvariantCulture), int.Parse(option("--rounds", "5"), CultureInfo.InvariantCulture));
        break;
    default:
        Console.WriteLine("commands: generate [--requests N] [--seed S] [--out FILE] [--start-dates] | online FILE [--warm-up N] [--cold N [--sweep-mb 16]] | quality [--sizes 300,1000,3000] [--start-dates] [--what-if-open-days 3,14,30] | speed [--allocations] | memory | durable");
        break;
}

static void Quality(Instance instance, IReadOnlyList<TimeSpan> whatIfOpenFor)
{
    var greedy = PoolingQuality.Online(instance, firstFit: true);
    var placement = PoolingQuality.Online(instance);
    var online = PoolingQuality.Online(instance, background: true);
    var reoptimised = PoolingQuality.Reoptimised(online, RegroupingLimits.Default);
    var (offline, bound, proved) = PoolingQuality.Offline(instance, new RegroupingLimits(120, TimeSpan.FromSeconds(10)));
    var best = new[] { offline.Pooled, reoptimised.Pooled, online.Pooled, placement.Pooled }.Max();
    Console.WriteLine($"## {instance.Requests.Count} requests (seed {instance.Seed}{(instance.Requests.Any(r => r.StartDate is not null) ? ", with start dates" : "")})");
    Console.WriteLine($"optimum (best found): {best} pooled; offline CP-SAT {offline.Pooled} in {offline.Elapsed.TotalSeconds:F1} s, bound {bound}{(proved ? ", proved optimal over its candidates" : "")}");
    foreach (var result in new[] { greedy, placement, online, reoptimised })
    {
        Console.WriteLine($"{result.Engine,-26} {result.Pooled,5} pooled in {result.ViablePools,4} pools   ratio {(double)result.Pooled / best:F3}   {result.Elapsed.TotalMilliseconds,8:F0} ms");
    }

    // What-ifs for a product decision, not the product: pools open for bids regrouped for a while after quorum.
    foreach (var openFor in whatIfOpenFor)
    {
        var whatIf = PoolingQuality.Online(instance, background: true, regroupOpenFor: openFor);
        Console.WriteLine($"{whatIf.Engine,-26} {whatIf.Pooled,5} pooled in {whatIf.ViablePools,4} pools   ratio {(double)whatIf.Pooled / best:F3}   {whatIf.Elapsed.TotalMilliseconds,8:F0} ms   {whatIf.FamiliesTakenFromOpenPools} families taken out of a pool open for bids ({whatIf.TakenFromOpenPools} times)");
    }

    foreach (var category in Instance.Categories.Keys)
    {
        int Of(EngineResult r) => r.Pools.Where(p => p.CategoryCode == category && p.Members.Count >= p.Quorum).Sum(p => p.Members.Count);
        Console.WriteLine($"  {category,-24} requests {instance.Requests.Count(r => r.Category == category),5}  offline {Of(offline),5}  online {Of(online),5}  re-optimised {Of(reoptimised),5}");
    }
}

static async Task Speed(int requests, int workers, int rounds, int jitRequests, int pingsPerPlacement, bool sampleAllocations)
{
    // With --allocations, the types the counted placement rounds allocate, from the runtime's allocation ticks.
    using var sampler = sampleAllocations ? new AllocationSampler() : null;
    var instance = InstanceGenerator.Generate(requests, 7);
    using var host = await BenchmarkSilo.Start(sqliteFile: null);
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    var commands = instance.Requests.Select(BenchmarkSilo.Command).ToList();
    var parallel = workers;

    // Warm-up: activations, JIT, connections.
    await Parallel.ForEachAsync(Enumerable.Range(0, 2_000), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) => await grains.GetGrain<IPingGrain>(i % 60).Ping(i));

    // The JIT first: other instances placed through matchmakers of their own (municipality codes no
    // counted request uses), until every path a placement takes runs its final, optimised code. On two
    // busy cores tiering takes tens of thousands of calls, and without this the counted rounds measured
    // the compiler as much as the placements. Passes go on until one compiles fewer than a hundred
    // methods (the first ones compile about two thousand each; later ones some fifty, odds and ends of the
    // libraries, however many come): two fixed passes left hundreds of methods to compile, tier-ups
    // of the placement's own code among them, in each counted round.
    for (var pass = 0; pass < 8; pass++)
    {
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitWarmUp = InstanceGenerator.Generate(jitRequests / 2, 8 + pass).Requests.Select(r => BenchmarkSilo.Command(r) with { MunicipalityCode = "W" + r.Municipality }).ToList();
        await Rate(jitWarmUp.Count, parallel, i => grains.GetGrain<IPingGrain>(i % 60).Ping(i));
        await PlaceRound(grains, jitWarmUp, 0, jitWarmUp.Count, parallel);

        // The JIT compiles its next tiers in the background: with both cores busy it falls behind, so it gets a quiet moment to catch up.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
        Console.WriteLine($"JIT warm-up pass {pass + 1}: {compiled} methods compiled");
        if (pass >= 1 && compiled < 100)
        {
            break;
        }
    }

    await Parallel.ForEachAsync(commands.Take(1_000), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (c, _) => await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(c.MunicipalityCode, c.CategoryCode)).Place(c));

    // Rounds alternate pings and placements (each round places the next share of the instance, in
    // arrival order), so both see the same machine; the median ratio is reported. Three more rounds
    // come first and are not counted (they were the JIT's warm-up before the one above, and are kept
    // so that the counted rounds place the same shares of the instance as before).
    const int warmUp = 3;
    var (ratios, cpuRatios) = (new List<double>(), new List<double>());

    // The seconds all counted rounds took, for a ratio over the whole run: a round with a collection reads much lower than one
    // without (the median lands on one or the other), and the whole run weighs each by how long it took.
    var (pingSeconds, placementSeconds) = (0.0, 0.0);
    var share = (requests - 1_000) / (rounds + warmUp);
    for (var round = -warmUp; round < rounds; round++)
    {
        // Ping rounds about as long as placement rounds (six pings per placement by default; they were
        // two, a burst of 0.05 s that undercounted pings): both see the machine for a similar while.
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var allocated = GC.GetTotalAllocatedBytes();
        var (pings, pingCpu) = await RateAndCpu(share * pingsPerPlacement, parallel, i => grains.GetGrain<IPingGrain>(i % 60).Ping(i));
        var pingBytes = (GC.GetTotalAllocatedBytes() - allocated) / (share * pingsPerPlacement);
        var offset = 1_000 + (round + warmUp) * share;
        var (pauseBefore, roundClock) = (GC.GetTotalPauseDuration(), Stopwatch.StartNew());
        allocated = GC.GetTotalAllocatedBytes();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        sampler?.Counting = round >= 0;
        var (placements, started, cpu) = await PlaceRound(grains, commands, offset, share, parallel);
        sampler?.Counting = false;
        var placementBytes = (GC.GetTotalAllocatedBytes() - allocated) / share;
        var paused = (GC.GetTotalPauseDuration() - pauseBefore) / roundClock.Elapsed;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
        if (round < 0)
        {
            continue;
        }

        ratios.Add(placements / pings);
        (pingSeconds, placementSeconds) = (pingSeconds + (share * pingsPerPlacement / pings), placementSeconds + (share / placements));
        cpuRatios.Add(pingCpu / cpu);
        Console.WriteLine($"round {round + 1}: bare grain ping {pings:F0} calls/s ({pingCpu:F1} µs CPU each), placement (grains) {placements:F0} placements/s ({parallel} callers, {cpu:F0} µs CPU each, {100.0 * started / share:F0} % opening a pool, {placementBytes:F0} B allocated each against {pingBytes:F0} B a ping, GC pauses {100 * paused:F0} % of the time, GCs {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}, {compiled} methods compiled by the JIT); ratio {placements / pings:F3}");
    }

    if (sampler is not null)
    {
        Console.WriteLine("bytes allocated per placement by type, estimated from the runtime's allocation ticks in the counted placement rounds:");
        foreach (var line in sampler.Report(25, (long)rounds * share))
        {
            Console.WriteLine(line);
        }
    }

    // Lone calls, one after another: rounds alternate pings and placements (each round the next share
    // of another instance), as the throughput rounds do, so both see the same machine; the median ratio is reported.
    var more = InstanceGenerator.Generate(2_000, 8).Requests.Select(BenchmarkSilo.Command).ToList();
    var (latencyRounds, perRound) = (5, 400);
    var (pingLatencies, placeLatencies, latencyRatios, decisions) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());

    // The matchmaker's own meter times each decision (the domain's work): a lone placement's time is split into that and the rest.
    var (decided, decisionSeconds) = (0L, 0.0);
    using var decisionMeter = new System.Diagnostics.Metrics.MeterListener();
    decisionMeter.InstrumentPublished = (instrument, listener) =>
    {
        if (instrument is { Name: "will.matching.decision.duration", Meter.Name: MatchingMetrics.MeterName })
        {
            listener.EnableMeasurementEvents(instrument);
        }
    };
    decisionMeter.SetMeasurementEventCallback<double>((_, seconds, _, _) => (decided, decisionSeconds) = (decided + 1, decisionSeconds + seconds));
    decisionMeter.Start();
    for (var round = 0; round < latencyRounds; round++)
    {
        var first = round * perRound;
        var pingLatency = await Latency(perRound, i => grains.GetGrain<IPingGrain>(0).Ping(i));
        (decided, decisionSeconds) = (0, 0);
        var placeLatency = await Latency(perRound, i => grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(more[first + i].MunicipalityCode, more[first + i].CategoryCode)).Place(more[first + i]));
        pingLatencies.Add(pingLatency);
        placeLatencies.Add(placeLatency);
        latencyRatios.Add(placeLatency / pingLatency);
        decisions.Add(decisionSeconds * 1e6 / Math.Max(1, decided));
    }

    Console.WriteLine($"alone, {latencyRounds} rounds of {perRound}: a bare grain ping {Median(pingLatencies, "F1")} µs, a placement {Median(placeLatencies, "F1")} µs, its decision (will.matching.decision.duration) {Median(decisions, "F1")} µs");
    Console.WriteLine($"throughput ratio placements ÷ pings, {Median(ratios)}; target ≥ 0.25");
    Console.WriteLine($"the same over the whole run (all counted placements ÷ their seconds, against all counted pings ÷ theirs): {rounds * share / placementSeconds / (rounds * share * pingsPerPlacement / pingSeconds):F3}");
    Console.WriteLine($"the same from CPU time (a ping's CPU ÷ a placement's), {Median(cpuRatios)}");
    Console.WriteLine($"latency ratio placement ÷ ping, {Median(latencyRatios)} (a placement is one call to the matchmaker; its push is an in-memory enqueue); target ≤ 2");
    await host.StopAsync();
}

static async Task Memory(int requests)
{
    var instance = InstanceGenerator.Generate(requests, 11);
    using var host = await BenchmarkSilo.Start(sqliteFile: null);
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    await grains.GetGrain<IPingGrain>(-1).Ping(0);
    var before = Heap();
    await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) => await grains.GetGrain<IPingGrain>(i).Ping(i));
    var perEmptyGrain = (double)(Heap() - before) / requests;

    var commands = instance.Requests.Select(BenchmarkSilo.Command).ToList();
    var start = Heap();
    var pools = new System.Collections.Concurrent.ConcurrentDictionary<Guid, bool>();
    await Parallel.ForEachAsync(commands, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) =>
        pools[(await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(c.MunicipalityCode, c.CategoryCode)).Place(c)).Pool.Id] = true);
    var used = Heap() - start;
    Console.WriteLine($"empty grain: {perEmptyGrain:F0} bytes each ({requests} live)");
    Console.WriteLine($"{requests} requests in {pools.Count} live pools: {used / 1024 / 1024} MiB, including the in-memory stand-in for the database");
    Console.WriteLine($"per live pool: {(double)used / pools.Count:F0} bytes = {(double)used / pools.Count / perEmptyGrain:F2}× an empty grain (target ≤ 5×)");
    Console.WriteLine($"per request:   {(double)used / requests:F0} bytes = {(double)used / requests / perEmptyGrain:F2}× an empty grain");
    await host.StopAsync();
}

/// <summary>
/// Rounds alternate the baseline and the placements, so both see the same machine (other work on
/// it, the disk's mood); each round gives a ratio, and the median is reported.
/// </summary>
static async Task Durable(int requests, int workers, int rounds)
{
    var directory = Directory.CreateTempSubdirectory("will-bench-");
    try
    {
        var rawFile = Path.Combine(directory.FullName, "raw.db");
        var file = Path.Combine(directory.FullName, "marketplace.db");
        using var host = await BenchmarkSilo.Start(file);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        // Four rounds warm up and are not counted: activations, connections, the file, and above all
        // the JIT, whose tiering lags on two busy cores (CPU per placement falls for four to five rounds
        // of 3,000, from about 1.5 ms to under 0.7 ms, then holds).
        const int warmUp = 4;
        var commands = InstanceGenerator.Generate(requests * (rounds + warmUp), 13).Requests.Select(BenchmarkSilo.Command).ToList();
        var ratios = new List<double>();

        // Transactions written and the writes they carried (the group commit's own histogram).
        long commits = 0, writes = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name is "will.writes.per_commit" or "will.writes.commit_duration" or "will.writes.batches_redone")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        long redone = 0;
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "will.writes.batches_redone")
            {
                Interlocked.Add(ref redone, value);
                return;
            }

            Interlocked.Increment(ref commits);
            Interlocked.Add(ref writes, value);
        });
        double commitMs = 0;
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (listener)
            {
                commitMs += value;
            }
        });
        listener.Start();

        for (var round = -warmUp; round < rounds; round++)
        {
            var raw = RawSqliteInserts(rawFile, requests);
            var offset = (round + warmUp) * requests;
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var (commitsBefore, writesBefore, commitMsBefore) = (Interlocked.Read(ref commits), Interlocked.Read(ref writes), commitMs);
            var (placements, started, cpuPerPlacement) = await PlaceRound(grains, commands, offset, requests, workers);
            if (round < 0)
            {
                continue;
            }

            ratios.Add(placements / raw);
            var (roundCommits, roundWrites) = (Interlocked.Read(ref commits) - commitsBefore, Interlocked.Read(ref writes) - writesBefore);
            Console.WriteLine($"round {round + 1}: raw SQLite {raw:F0} durable inserts/s (one row per transaction); placements with the database on {placements:F0}/s ({workers} callers, {cpuPerPlacement:F0} µs CPU each, {100.0 * started / requests:F0} % opening a pool; GCs {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}; {roundCommits} group commits of {(double)roundWrites / Math.Max(1, roundCommits):F1} writes, {(commitMs - commitMsBefore) / Math.Max(1, roundCommits):F2} ms each); ratio {placements / raw:F3}");
        }

        // The same writes without the grains: what the store and the database cost alone.
        var store = host.Services.GetRequiredService<IDemandPoolStore>();
        var homeCare = (await host.Services.GetRequiredService<ICategoryCatalog>().FindAsync("016024", "home-care-elderly"))!;
        var storeCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var storeAlone = await Rate(requests, workers, async i =>
        {
            var c = commands[i];
            var request = new CareRequest(Guid.CreateVersion7(), c.FamilyId, "016024", homeCare.Code, new GeoPoint(c.Latitude, c.Longitude),
                WeeklySchedule.Parse(c.Schedule), c.StartDate, c.Attributes, null, c.CreatedAt);
            var pool = DemandPool.Start(Guid.CreateVersion7(), "016024", homeCare, PoolMember.From(request, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
            await store.SaveAsync(pool, request);
            return pool.Id;
        });
        Console.WriteLine($"the store alone (a new pool per request, no grains): {storeAlone:F0} placements/s ({workers} callers, {(Process.GetCurrentProcess().TotalProcessorTime - storeCpu).TotalMicroseconds / requests:F0} µs CPU each)");
        Console.WriteLine($"batches redone one write at a time: {Interlocked.Read(ref redone)}");
        Console.WriteLine($"durable ratio placements ÷ raw inserts, {Median(ratios)}; target ≥ 0.5");
        await host.StopAsync();
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}

static double RawSqliteInserts(string file, int count)
{
    using var connection = new SqliteConnection($"Data Source={file}");
    connection.Open();
    using (var create = connection.CreateCommand())
    {
        create.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS Requests (Id TEXT PRIMARY KEY, Category TEXT, Schedule TEXT, Attributes TEXT, CreatedAt INTEGER)";
        create.ExecuteNonQuery();
    }

    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Requests VALUES ($id, 'home-care-elderly', 'mon 09:00-11:00;thu 09:00-11:00', '{\"language\":\"it\"}', $at)";
        insert.Parameters.AddWithValue("$id", Guid.CreateVersion7().ToString());
        insert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.UtcTicks);
        insert.ExecuteNonQuery();
        transaction.Commit();
    }

    return count / clock.Elapsed.TotalSeconds;
}

/// <summary>Places commands[offset, offset + count) through their matchmakers: placements per second, how many opened a pool, and the process's CPU µs per placement.</summary>
static async Task<(double PerSecond, int Opened, double CpuMicroseconds)> PlaceRound(IGrainFactory grains, List<PlaceRequestCommand> commands, int offset, int count, int workers)
{
    var opened = 0;
    var (perSecond, cpu) = await RateAndCpu(count, workers, async i =>
    {
        var c = commands[offset + i];
        var outcome = await grains.GetGrain<IMatchmakerGrain>(IMatchmakerGrain.KeyFor(c.MunicipalityCode, c.CategoryCode)).Place(c);
        return outcome.StartedNewPool ? Interlocked.Increment(ref opened) : 0;
    });
    return (perSecond, opened, cpu);
}

/// <summary><see cref="Rate"/>, with the process's CPU time per call (µs) over the same while.</summary>
static async Task<(double PerSecond, double CpuMicroseconds)> RateAndCpu<T>(int count, int workers, Func<int, Task<T>> call)
{
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var perSecond = await Rate(count, workers, call);
    return (perSecond, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / count);
}

/// <summary>"median of N rounds: M (range lo–hi)".</summary>
static string Median(List<double> values, string format = "F3")
{
    var sorted = values.Order().ToList();
    string F(double value) => value.ToString(format, CultureInfo.InvariantCulture);
    return $"median of {sorted.Count} rounds: {F(sorted[sorted.Count / 2])} (range {F(sorted[0])}–{F(sorted[^1])})";
}

static async Task<double> Rate<T>(int count, int workers, Func<int, Task<T>> call)
{
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, _) => await call(i));
    return count / clock.Elapsed.TotalSeconds;
}

static async Task<double> Latency<T>(int count, Func<int, Task<T>> call)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await call(i);
    }

    return clock.Elapsed.TotalMicroseconds / count;
}

static long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(forceFullCollection: true);
}
