using System.Buffers;
using System.Runtime.CompilerServices;

namespace Will.Marketplace.Domain.Common;

/// <summary>
/// A short-lived list on an array rented from the shared pool, cleared and given back on
/// <see cref="Dispose"/>: a placement builds a few such lists per decision, and allocating them was a
/// quarter of what a decision allocated.
/// </summary>
internal ref struct RentedList<T>
{
    private T[] _items;

    public RentedList(int capacity) => _items = ArrayPool<T>.Shared.Rent(capacity);

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = item;
    }

    private void Grow()
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(16, _items.Length * 2));
        AsSpan().CopyTo(bigger);
        GiveBack();
        _items = bigger;
    }

    /// <summary>
    /// Adds every item; a collection copies itself in (enumerating a dictionary's values through the
    /// interface would allocate a boxed enumerator, once per decision).
    /// </summary>
    public void AddRange(IEnumerable<T> items)
    {
        if (items is ICollection<T> collection)
        {
            while (_items.Length - Count < collection.Count)
            {
                Grow();
            }

            collection.CopyTo(_items, Count);
            Count += collection.Count;
            return;
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    public readonly Span<T> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>The items, for a holder that cannot keep a span (valid until <see cref="Dispose"/>, as the span is).</summary>
    public readonly ReadOnlyMemory<T> AsMemory() => _items.AsMemory(0, Count);

    public void Dispose()
    {
        GiveBack();
        (_items, Count) = ([], 0);
    }

    private readonly void GiveBack()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            AsSpan().Clear();
        }

        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
        }
    }
}
