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
            var bigger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            AsSpan().CopyTo(bigger);
            GiveBack();
            _items = bigger;
        }

        _items[Count++] = item;
    }

    public readonly Span<T> AsSpan() => _items.AsSpan(0, Count);

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
