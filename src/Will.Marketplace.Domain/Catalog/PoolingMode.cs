namespace Will.Marketplace.Domain.Catalog;

public enum PoolingMode
{
    /// <summary>Members are served together, at the same time and place (after-school group, nanny share).</summary>
    Group,

    /// <summary>One professional's week is shared by nearby households, slots must not overlap (home care).</summary>
    SharedWorker,
}
