namespace Will.Marketplace.Domain.Pools;

public enum PoolStatus
{
    Forming,
    OpenForBids,
    Awarded,
    Active,
    Closed,
    Cancelled,
}
