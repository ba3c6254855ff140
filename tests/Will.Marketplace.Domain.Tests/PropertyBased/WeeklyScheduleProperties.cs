using CsCheck;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

public sealed class WeeklyScheduleProperties
{
    private const int Iterations = 400;

    [Test]
    public void Of_WhenAppliedToItsOwnSlots_ReturnsTheSameSchedule()
    {
        Gens.Slots.Sample(slots =>
        {
            var once = WeeklySchedule.Of(slots);
            return WeeklySchedule.Of(once.Slots).Equals(once);
        }, iter: Iterations);
    }

    [Test]
    public void Of_WhenTheSlotsAreShuffled_ReturnsTheSameSchedule()
    {
        var slotsAndShuffled = Gens.Slots.SelectMany(slots => Gen.Shuffle(slots.ToArray()).Select(shuffled => (slots, shuffled)));

        slotsAndShuffled.Sample((slots, shuffled) => WeeklySchedule.Of(slots).Equals(WeeklySchedule.Of(shuffled)), iter: Iterations);
    }

    [Test]
    public void TotalMinutes_WhenSlotsAreRandom_EqualsTheMinutesTheirUnionCovers()
    {
        Gens.Slots.Sample(slots => WeeklySchedule.Of(slots).TotalMinutes == Gens.Coverage(slots).Count(covered => covered), iter: Iterations);
    }

    [Test]
    public void Of_WhenSlotsAreRandom_KeepsThemSortedMondayFirstWithGapsBetween()
    {
        Gens.Slots.Sample(slots =>
        {
            var merged = WeeklySchedule.Of(slots).Slots;
            return merged.Zip(merged.Skip(1)).All(pair => DayIndex(pair.First.Day) < DayIndex(pair.Second.Day) ||
                (pair.First.Day == pair.Second.Day && pair.First.EndMinute < pair.Second.StartMinute));
        }, iter: Iterations);
    }

    [Test]
    public void IntersectAndUnion_WhenSchedulesAreRandom_CoverWhatBothOrEitherCover()
    {
        Gen.Select(Gens.Schedule, Gens.Schedule).Sample((a, b) =>
        {
            var (coverA, coverB) = (Gens.Coverage(a.Slots), Gens.Coverage(b.Slots));
            var both = coverA.Zip(coverB).Count(p => p.First && p.Second);
            var either = coverA.Zip(coverB).Count(p => p.First || p.Second);
            return a.OverlapMinutes(b) == both && a.Union(b).TotalMinutes == either && a.Intersect(b).Equals(b.Intersect(a)) &&
                a.Union(b).Equals(WeeklySchedule.Of(a.Slots.Concat(b.Slots)));
        }, iter: Iterations);
    }

    [Test]
    public void Intersect_WhenSchedulesAreRandom_IsInCanonicalFormAndCoversExactlyWhatBothCover()
    {
        Gen.Select(Gens.Schedule, Gens.Schedule).Sample((a, b) =>
        {
            var common = a.Intersect(b);
            var (coverA, coverB, coverCommon) = (Gens.Coverage(a.Slots), Gens.Coverage(b.Slots), Gens.Coverage(common.Slots));
            return WeeklySchedule.Of(common.Slots).Equals(common) &&
                coverCommon.Zip(coverA.Zip(coverB)).All(p => p.First == (p.Second.First && p.Second.Second));
        }, iter: Iterations);
    }

    [Test]
    public void Intersect_WhenOneScheduleCoversTheOther_IsTheCoveredOneItself()
    {
        // A week that covers another narrows it by nothing: the covered schedule comes back, not a copy, either way round.
        Gen.Select(Gens.Schedule, Gens.Schedule).Sample((a, b) =>
        {
            var wider = a.Union(b);
            bool Whole(WeeklySchedule common) => common.Equals(a) && (ReferenceEquals(common, a) || ReferenceEquals(common, wider));
            return a.Slots.Count == 0 || (Whole(a.Intersect(wider)) && Whole(wider.Intersect(a)) && ReferenceEquals(wider.Intersect(wider), wider));
        }, iter: Iterations);
    }

    [Test]
    public void Parse_WhenScheduleIsRandom_ReadsBackWhatToStringWrote()
    {
        Gens.Schedule.Sample(schedule => WeeklySchedule.Parse(schedule.ToString()).Equals(schedule), iter: Iterations);
    }

    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
