namespace Will.Marketplace.Domain.Pools;

/// <summary>Why a request cannot join a pool. Each reason is something a family can be told.</summary>
public enum Incompatibility
{
    None,
    NotJoinable,
    Full,
    AlreadyMember,
    OtherCategory,
    TooFar,
    NotEnoughSharedTime,
    ScheduleConflict,
    WeekTooLong,
    AttributeMismatch,
    StartDatesApart,
    SameFamily,
}
