namespace Will.Marketplace.Domain.Pools;

/// <summary>The lifecycle names of PRODUCT.md ("open-for-bids"), used on the wire and in storage.</summary>
public static class PoolStatusNames
{
    public static string ToName(this PoolStatus status) => status switch
    {
        PoolStatus.Forming => "forming",
        PoolStatus.OpenForBids => "open-for-bids",
        PoolStatus.Awarded => "awarded",
        PoolStatus.Active => "active",
        PoolStatus.Closed => "closed",
        PoolStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? name, out PoolStatus status)
    {
        foreach (var candidate in Enum.GetValues<PoolStatus>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
