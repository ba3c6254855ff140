using CsCheck;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.PropertyBased;

/// <summary>Generators on a quarter-hour grid, so that touching and overlapping slots are common.</summary>
internal static class Gens
{
    public static readonly Gen<DayOfWeek> Day = Gen.Int[0, 6].Select(d => (DayOfWeek)d);

    public static readonly Gen<TimeSlot> Slot =
        Gen.Select(Day, Gen.Int[0, 95], Gen.Int[1, 24], (day, quarter, length) =>
            new TimeSlot(day, quarter * 15, Math.Min(TimeSlot.MinutesPerDay, (quarter + length) * 15)));

    public static readonly Gen<TimeSlot[]> Slots = Slot.Array[0, 12];

    public static readonly Gen<WeeklySchedule> Schedule = Slots.Select(WeeklySchedule.Of);

    /// <summary>Which minutes of the week a set of slots covers, counted minute by minute.</summary>
    public static bool[] Coverage(IEnumerable<TimeSlot> slots)
    {
        var week = new bool[7 * TimeSlot.MinutesPerDay];
        foreach (var slot in slots)
        {
            Array.Fill(week, true, (int)slot.Day * TimeSlot.MinutesPerDay + slot.StartMinute, slot.Minutes);
        }

        return week;
    }
}
