using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Will.Marketplace.Domain.Common;

/// <summary>
/// Asks the processor to start fetching memory that is about to be read (a software prefetch). A
/// decision reads a few hundred bytes of each of dozens of pools, spread over the heap and cold when
/// its matchmaker's turn comes; read one after another, each waits for the memory in turn, while
/// asked for together the fetches overlap (docs/decisions.md, "A decision asks for its pools
/// ahead"). A hint only: it changes no result, and does nothing where x86's prefetch is missing.
/// </summary>
internal static class CacheHint
{
    private const int LineBytes = 64;

    /// <summary>An array's header before its first element: the type and the length.</summary>
    private const int ArrayHeaderBytes = 16;

    /// <summary>The first <paramref name="bytes"/> of <paramref name="target"/>, from its header on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Fetch(object? target, int bytes)
    {
        if (!Sse.IsSupported || target is null)
        {
            return;
        }

        // The object's address, for the hint alone: should the collector move the object meanwhile, the
        // lines fetched are merely wasted (a prefetch never faults).
        var start = (byte*)Unsafe.As<object, nint>(ref target);
        var end = start + bytes;
        for (var line = start; line < end; line += LineBytes)
        {
            Sse.Prefetch0(line);
        }

        // The last line too, when the object does not start on a line's boundary.
        Sse.Prefetch0(end - 1);
    }

    /// <summary>All of <paramref name="array"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fetch<T>(T[]? array) => FetchEntries(array, array?.Length ?? 0);

    /// <summary>The first <paramref name="count"/> entries of <paramref name="array"/> (those in use, where it keeps room beyond them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FetchEntries<T>(T[]? array, int count)
    {
        if (array is not null)
        {
            Fetch(array, ArrayHeaderBytes + (Math.Min(count, array.Length) * Unsafe.SizeOf<T>()));
        }
    }
}
