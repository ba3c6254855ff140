using CsCheck;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Tests.Scheduling;

public sealed class WeeklyScheduleParseTests
{
    [TestCase("mon 15:00-18:00;wed 15:00-18:00")]
    [TestCase("tue 00:00-24:00")]
    [TestCase("mon 08:00-09:30;mon 10:00-12:00;sat 07:15-07:45;sun 20:00-24:00")]
    public void Parse_WhenGivenToStringOutput_ReturnsAnEqualSchedule(string text)
    {
        var schedule = WeeklySchedule.Parse(text);

        var reparsed = WeeklySchedule.Parse(schedule.ToString());

        Assert.That(reparsed, Is.EqualTo(schedule));
        Assert.That(reparsed.ToString(), Is.EqualTo(text));
    }

    [Test]
    public void Parse_WhenDaysAreFullNamesInAnyCase_ReadsThem()
    {
        var schedule = WeeklySchedule.Parse(" Monday 09:00-10:00 ; WED 09:00-10:00 ;");

        Assert.That(schedule.ToString(), Is.EqualTo("mon 09:00-10:00;wed 09:00-10:00"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Parse_WhenTextIsBlank_ReturnsEmpty(string text)
    {
        var schedule = WeeklySchedule.Parse(text);

        Assert.That(schedule.IsEmpty, Is.True);
    }

    [TestCase("monday")]
    [TestCase("mon 09:00")]
    [TestCase("mon 9-11")]
    [TestCase("mon 09:00-11:00-12:00")]
    [TestCase("xyz 09:00-11:00")]
    [TestCase("mo 09:00-11:00")]
    [TestCase("mon 09:60-11:00")]
    [TestCase("mon 09:00-24:30")]
    [TestCase("mon 09:00-11:00;tue")]
    public void Parse_WhenTextIsMalformed_ThrowsFormatException(string text)
    {
        Assert.That(() => WeeklySchedule.Parse(text), Throws.InstanceOf<FormatException>());
    }

    [TestCase("mon 11:00-09:00")]
    [TestCase("mon 24:00-24:00")]
    public void Parse_WhenASlotDoesNotStartBeforeItEnds_ThrowsOutOfRange(string text)
    {
        Assert.That(() => WeeklySchedule.Parse(text), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Texts made of right and wrong pieces: days, spaces, times, dashes and semicolons.</summary>
    private static readonly Gen<string> Texts =
        Gen.Select(
            Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\t")),
            Gen.OneOf(Gen.Const("mon"), Gen.Const("Monday"), Gen.Const("WED"), Gen.Const("sun"), Gen.Const("mo"), Gen.Const("xyz"), Gen.Const("")),
            Gen.OneOf(Gen.Const(" "), Gen.Const("  "), Gen.Const(""), Gen.Const("-")),
            Gen.OneOf(Gen.Const("09:00"), Gen.Const("11:30"), Gen.Const("24:00"), Gen.Const("00:00"), Gen.Const("9"), Gen.Const("09:60"), Gen.Const("")),
            Gen.OneOf(Gen.Const("-"), Gen.Const("--"), Gen.Const(" "), Gen.Const("")),
            Gen.OneOf(Gen.Const("10:00"), Gen.Const("24:00"), Gen.Const("12:15-13:00"), Gen.Const(" 10:00"), Gen.Const("")),
            (pad, day, space, start, dash, end) => pad + day + space + start + dash + end + pad)
        .Array[0, 4].Select(parts => string.Join(";", parts));

    [Test]
    public void Parse_OfAnyText_ReadsWhatSplittingItIntoStringsReads()
    {
        Texts.Sample(text => Outcome(() => WeeklySchedule.Parse(text)) == Outcome(() => SplitReading(text)), iter: 5_000);
    }

    private static string Outcome(Func<WeeklySchedule> parse)
    {
        try
        {
            return parse().ToString();
        }
        catch (Exception ex)
        {
            return ex.GetType().Name;
        }
    }

    /// <summary>The reading Parse had before it read in place: a string per part.</summary>
    private static WeeklySchedule SplitReading(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return WeeklySchedule.Empty;
        }

        return WeeklySchedule.Of(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(slot =>
        {
            var parts = slot.Split(' ', 2);
            var times = parts.Length == 2 ? parts[1].Split('-') : [];
            if (parts.Length != 2 || times.Length != 2 || !WeeklySchedule.TryParseDay(parts[0], out var day) ||
                !WeeklySchedule.TryParseMinute(times[0], out var start) || !WeeklySchedule.TryParseMinute(times[1], out var end))
            {
                throw new FormatException(slot);
            }

            return new TimeSlot(day, start, end);
        }).ToList());
    }
}
