namespace Will.Marketplace.Domain.Pools;

public enum LeaveOutcome
{
    Left,
    NotAMember,

    /// <summary>The pool has been awarded: leaving is part of the order's terms, not of matching.</summary>
    TooLate,
}
