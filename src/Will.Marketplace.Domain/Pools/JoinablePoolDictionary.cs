using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Geography;

namespace Will.Marketplace.Domain.Pools;

/// <summary>
/// The joinable pools of one municipality × category, as a matchmaker keeps them, by id; with what a
/// placement reads of each pool first kept side by side in arrays (<see cref="PoolHeader"/>, and the
/// first homes on their own), instead of behind each pool object. A placement weighs every joinable
/// pool, and the pools of sixty matchmakers taking turns are cold in the cache: read one object at a
/// time, the near test alone cost a trip to memory per pool (docs/benchmarks.md). A pool tells its
/// index of every change of membership or status, and its header is read again at the next decision.
/// Pools are kept in the order a <see cref="Dictionary{TKey, TValue}"/> would enumerate them (the
/// place of the pool removed last is taken first), so decisions break ties as they did.
/// </summary>
public sealed class JoinablePoolDictionary : IReadOnlyDictionary<Guid, DemandPool>
{
    private readonly Dictionary<Guid, int> _slots = [];

    /// <summary>Places freed by a removal, the last freed on top: the next pool takes it.</summary>
    private readonly Stack<int> _free = new();

    private DemandPool?[] _pools;
    private GeoPoint[] _firstHomes;
    private PoolHeader[] _headers;

    /// <summary>Whether a place's header must be read again from its pool (a place never used or freed holds none).</summary>
    private bool[] _stale;

    /// <summary>Places used so far, freed ones included.</summary>
    private int _used;

    /// <summary>The category the headers' sketches were made for.</summary>
    private ServiceCategory? _category;

    public JoinablePoolDictionary()
        : this(8)
    {
    }

    private JoinablePoolDictionary(int capacity)
    {
        (_pools, _firstHomes, _headers, _stale) = (new DemandPool?[capacity], new GeoPoint[capacity], new PoolHeader[capacity], new bool[capacity]);
        Values = new PoolCollection(this);
    }

    public int Count => _slots.Count;

    /// <summary>The pools, in the dictionary's order; a placement given this list reads the headers.</summary>
    public PoolCollection Values { get; }

    public IEnumerable<Guid> Keys => _slots.Keys;

    IEnumerable<DemandPool> IReadOnlyDictionary<Guid, DemandPool>.Values => Values;

    /// <summary>Places in use or freed: the bound of <see cref="PoolAt"/> and the header spans.</summary>
    internal int Places => _used;

    public DemandPool this[Guid id]
    {
        get => _pools[_slots[id]]!;
        set => Set(id, value);
    }

    /// <summary>
    /// An index read for one decision over pools kept nowhere else (a list the caller made): the headers are
    /// read at once, with sketches for <paramref name="category"/> (none for null), and nothing tells this
    /// view of later changes.
    /// </summary>
    internal static JoinablePoolDictionary ViewOf(IEnumerable<DemandPool> pools, ServiceCategory? category)
    {
        var list = pools as IReadOnlyCollection<DemandPool> ?? [.. pools];
        var view = new JoinablePoolDictionary(Math.Max(1, list.Count));
        foreach (var pool in list)
        {
            var slot = view._used++;
            view._pools[slot] = pool;
            view._slots[pool.Id] = slot;
            view.Read(slot, category);
        }

        view._category = category;
        return view;
    }

    /// <summary>
    /// The index of <paramref name="pools"/>, its headers up to date: kept by its owner, or read at once. Sketches
    /// are made for <paramref name="category"/>; null leaves them as they are (made for the category last asked, or none).
    /// </summary>
    internal static JoinablePoolDictionary Of(IEnumerable<DemandPool> pools, ServiceCategory? category)
    {
        if (pools is PoolCollection kept)
        {
            kept.Index.Refresh(category ?? kept.Index._category);
            return kept.Index;
        }

        return ViewOf(pools, category);
    }

    public bool ContainsKey(Guid key) => _slots.ContainsKey(key);

    public bool TryGetValue(Guid key, [MaybeNullWhen(false)] out DemandPool value)
    {
        value = _slots.TryGetValue(key, out var slot) ? _pools[slot] : null;
        return value is not null;
    }

    public bool Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return false;
        }

        _pools[slot]!.KeptBy(null, 0);
        Empty(slot);
        _free.Push(slot);
        return true;
    }

    public void Clear()
    {
        for (var slot = 0; slot < _used; slot++)
        {
            _pools[slot]?.KeptBy(null, 0);
            Empty(slot);
        }

        (_used, _category) = (0, null);
        _slots.Clear();
        _free.Clear();
    }

    public IEnumerator<KeyValuePair<Guid, DemandPool>> GetEnumerator()
    {
        for (var slot = 0; slot < _used; slot++)
        {
            if (_pools[slot] is { } pool)
            {
                yield return new(pool.Id, pool);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The pool at a place (null: a freed place).</summary>
    internal DemandPool? PoolAt(int slot) => _pools[slot];

    /// <summary>The first member's home of each place (<see cref="PoolHeader.Count"/> tells whether there is one).</summary>
    internal ReadOnlySpan<GeoPoint> FirstHomes => _firstHomes.AsSpan(0, _used);

    internal ReadOnlySpan<PoolHeader> Headers => _headers.AsSpan(0, _used);

    /// <summary>A pool changed its members or status: its header is read again before the next decision reads it.</summary>
    internal void Changed(int slot) => _stale[slot] = true;

    private void Set(Guid id, DemandPool pool)
    {
        if (pool.Id != id)
        {
            throw new ArgumentException($"Pool {pool.Id} kept under id {id}.", nameof(pool));
        }

        if (_slots.TryGetValue(id, out var slot))
        {
            if (!ReferenceEquals(_pools[slot], pool))
            {
                _pools[slot]!.KeptBy(null, 0);
                Keep(slot, pool);
            }

            _stale[slot] = true;
            return;
        }

        if (!_free.TryPop(out slot))
        {
            if (_used == _pools.Length)
            {
                Grow();
            }

            slot = _used++;
        }

        _slots[id] = slot;
        Keep(slot, pool);
    }

    private void Keep(int slot, DemandPool pool)
    {
        pool.KeptBy(this, slot);
        _pools[slot] = pool;
        _stale[slot] = true;
    }

    private void Empty(int slot) => (_pools[slot], _firstHomes[slot], _headers[slot], _stale[slot]) = (null, default, default, false);

    private void Grow()
    {
        var size = _pools.Length * 2;
        Array.Resize(ref _pools, size);
        Array.Resize(ref _firstHomes, size);
        Array.Resize(ref _headers, size);
        Array.Resize(ref _stale, size);
    }

    /// <summary>Reads the headers of the pools that changed (all of them, for another category than last time).</summary>
    private void Refresh(ServiceCategory? category)
    {
        var all = !ReferenceEquals(category, _category);
        for (var slot = 0; slot < _used; slot++)
        {
            if ((_stale[slot] || all) && _pools[slot] is not null)
            {
                Read(slot, category);
            }
        }

        _category = category;
    }

    private void Read(int slot, ServiceCategory? category)
    {
        var pool = _pools[slot]!;
        (_headers[slot], _firstHomes[slot]) = pool.Header(category);
        _stale[slot] = false;
    }

    /// <summary>The pools of an index, in its order: what a matchmaker hands a placement.</summary>
    public sealed class PoolCollection : IReadOnlyCollection<DemandPool>
    {
        internal PoolCollection(JoinablePoolDictionary index) => Index = index;

        public int Count => Index.Count;

        internal JoinablePoolDictionary Index { get; }

        public IEnumerator<DemandPool> GetEnumerator()
        {
            for (var slot = 0; slot < Index._used; slot++)
            {
                if (Index._pools[slot] is { } pool)
                {
                    yield return pool;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// What a placement reads of a pool after its first member's home (<see cref="JoinablePoolDictionary"/>,
/// which keeps those homes in an array of their own): how far the other members live from it, the
/// counts, the status, the latest join and the sketch for the category (<see cref="PoolSketch"/>).
/// A copy of the pool's own, made again whenever the pool changes.
/// </summary>
internal readonly struct PoolHeader(
    double spread, DateTimeOffset latestJoinedAt, in PoolSketch sketch, string categoryCode, int count, int quorum, int capacity, PoolStatus status)
{
    // Fields, not properties: a scan reads them in place through a reference, with no copy of the sketch.
    public readonly PoolSketch Sketch = sketch;
    public readonly double Spread = spread;
    public readonly DateTimeOffset LatestJoinedAt = latestJoinedAt;
    public readonly string CategoryCode = categoryCode;
    public readonly int Count = count;
    public readonly int Quorum = quorum;
    public readonly int Capacity = capacity;
    public readonly PoolStatus Status = status;

    public bool IsJoinable => Status is PoolStatus.Forming or PoolStatus.OpenForBids && Count < Capacity;

    /// <summary>As <see cref="DemandPool.AnyMayBeWithin"/>, from the header and the first home kept beside it.</summary>
    public bool AnyMayBeWithin(in GeoPoint firstHome, in GeoFrame point, double meters) =>
        AnyMayBeWithin(Count, firstHome, Spread, point, meters);

    /// <summary>Whether some member may live within <paramref name="meters"/> of <paramref name="point"/>: false only when the first home and the spread say none does (a metre for rounding).</summary>
    internal static bool AnyMayBeWithin(int count, in GeoPoint firstHome, double spread, in GeoFrame point, double meters) =>
        count > 0 && point.IsWithinMeters(firstHome, meters + spread + 1);
}
