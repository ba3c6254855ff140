using System.Text.RegularExpressions;
using Will.Marketplace.Domain.Catalog;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Scheduling;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Apis;

public sealed record LocationBody(double? Latitude, double? Longitude);

public sealed record SlotBody(string? Day, string? Start, string? End);

public sealed record CreateRequestBody(
    string? CategoryCode,
    LocationBody? Location,
    IReadOnlyList<SlotBody>? Schedule,
    DateOnly? StartDate,
    Dictionary<string, string>? Attributes,
    long? MaxPricePerHourCents);

/// <summary>Field-by-field checks of a new request; each message names what is wrong in the family's terms.</summary>
public static partial class RequestValidation
{
    public const int MaxSlots = 28;
    public const int MaxAttributes = 10;
    public const double MaxKilometresFromCityCentre = 30;
    public const long MaxPricePerHourCents = 100_000;

    public sealed record Valid(string CategoryCode, GeoPoint Location, WeeklySchedule Schedule, DateOnly StartDate, IReadOnlyDictionary<string, string> Attributes, long? MaxPricePerHourCents);

    public const int MaxCategoryCodeLength = 40;

    /// <summary><paramref name="category"/> is the municipality's category named by the body, null when there is none.</summary>
    public static Valid? Validate(CreateRequestBody body, GeoPoint cityCentre, ServiceCategory? category, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(body.CategoryCode))
        {
            errors["categoryCode"] = [Say("Scegli un servizio.", "Choose a service category.")];
        }
        else if (category is null)
        {
            errors["categoryCode"] = [Say($"'{Truncate(body.CategoryCode)}' non è un servizio.", $"'{Truncate(body.CategoryCode)}' is not a service category.")];
        }

        var location = ValidateLocation(body.Location, cityCentre, errors);
        var schedule = ValidateSchedule(body.Schedule, errors);
        if (schedule is not null && category is not null &&
            category.Mode == PoolingMode.Group && schedule.TotalMinutes < category.MinSharedMinutesPerWeek)
        {
            errors["schedule"] = [Say($"Questo servizio si svolge in gruppo per almeno {category.MinSharedMinutesPerWeek / 60.0:0.#} ore a settimana: scegli più tempo.", $"This service runs in groups of at least {category.MinSharedMinutesPerWeek / 60.0:0.#} hours a week: choose more time.")];
        }

        if (body.StartDate is not { } start)
        {
            errors["startDate"] = [Say("Indica la data di inizio del servizio.", "Give the date the service should start.")];
        }
        else if (start < today || start > today.AddYears(1))
        {
            errors["startDate"] = [Say("La data di inizio deve essere tra oggi e un anno da oggi.", "The start date must be between today and one year from now.")];
        }

        ValidateAttributes(body.Attributes, errors);
        if (body.MaxPricePerHourCents is { } price && price is <= 0 or > MaxPricePerHourCents)
        {
            errors["maxPricePerHourCents"] = [Say($"Il prezzo massimo all'ora va da 1 a {MaxPricePerHourCents} centesimi.", $"The maximum price per hour must be between 1 and {MaxPricePerHourCents} cents.")];
        }

        return errors.Count > 0
            ? null
            : new Valid(body.CategoryCode!, location!.Value, schedule!, body.StartDate!.Value, body.Attributes ?? [], body.MaxPricePerHourCents);
    }

    private static GeoPoint? ValidateLocation(LocationBody? location, GeoPoint cityCentre, Dictionary<string, string[]> errors)
    {
        if (location is null)
        {
            errors["location"] = [Say("Indica dove serve il servizio.", "Give where the service is needed.")];
            return null;
        }

        if (location.Latitude is not { } lat || lat is < -90 or > 90 || !double.IsFinite(lat))
        {
            errors["location.latitude"] = [Say("La latitudine è un numero tra -90 e 90.", "The latitude must be a number between -90 and 90.")];
        }

        if (location.Longitude is not { } lon || lon is < -180 or > 180 || !double.IsFinite(lon))
        {
            errors["location.longitude"] = [Say("La longitudine è un numero tra -180 e 180.", "The longitude must be a number between -180 and 180.")];
        }

        if (errors.ContainsKey("location.latitude") || errors.ContainsKey("location.longitude"))
        {
            return null;
        }

        var point = new GeoPoint(location.Latitude!.Value, location.Longitude!.Value);
        if (point.DistanceMetersTo(cityCentre) > MaxKilometresFromCityCentre * 1000)
        {
            errors["location"] = [Say("Il luogo è fuori dal territorio del tuo comune.", "The place is outside your municipality's area.")];
            return null;
        }

        return point;
    }

    private static WeeklySchedule? ValidateSchedule(IReadOnlyList<SlotBody>? slots, Dictionary<string, string[]> errors)
    {
        if (slots is null || slots.Count == 0)
        {
            errors["schedule"] = [Say("Scegli almeno un giorno e un orario.", "Choose at least one day and time.")];
            return null;
        }

        if (slots.Count > MaxSlots)
        {
            errors["schedule"] = [Say($"Al massimo {MaxSlots} fasce orarie.", $"At most {MaxSlots} time slots.")];
            return null;
        }

        var valid = new List<TimeSlot>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var at = $"schedule[{i}]";
            if (slot is null)
            {
                errors[at] = [Say("Manca una fascia oraria.", "A time slot is missing.")];
                continue;
            }

            var dayOk = WeeklySchedule.TryParseDay(slot.Day ?? "", out var day) && (slot.Day?.Length ?? 0) <= 10;
            var startOk = WeeklySchedule.TryParseMinute(slot.Start ?? "", out var start) && start < TimeSlot.MinutesPerDay;
            var endOk = WeeklySchedule.TryParseMinute(slot.End ?? "", out var end);
            AddIf(!dayOk, errors, $"{at}.day", Say("Il giorno va da monday a sunday.", "The day must be monday … sunday."));
            AddIf(!startOk, errors, $"{at}.start", Say("L'inizio è un orario nel formato HH:mm.", "The start must be a time as HH:mm."));
            AddIf(!endOk, errors, $"{at}.end", Say("La fine è un orario nel formato HH:mm.", "The end must be a time as HH:mm."));
            if (dayOk && startOk && endOk)
            {
                if (end - start < 15)
                {
                    errors[$"{at}.end"] = [Say("La fine deve essere almeno 15 minuti dopo l'inizio.", "The end must be at least 15 minutes after the start.")];
                }
                else
                {
                    valid.Add(new TimeSlot(day, start, end));
                }
            }
        }

        return errors.Keys.Any(k => k.StartsWith("schedule", StringComparison.Ordinal)) ? null : WeeklySchedule.Of(valid);
    }

    private static void ValidateAttributes(Dictionary<string, string>? attributes, Dictionary<string, string[]> errors)
    {
        if (attributes is null)
        {
            return;
        }

        if (attributes.Count > MaxAttributes)
        {
            errors["attributes"] = [Say($"Al massimo {MaxAttributes} caratteristiche.", $"At most {MaxAttributes} attributes.")];
            return;
        }

        foreach (var (key, value) in attributes)
        {
            if (!AttributeKey().IsMatch(key))
            {
                errors["attributes"] = [Say("I nomi delle caratteristiche sono parole brevi (lettere, cifre, '-' o '_').", "Attribute names are short words (letters, digits, '-' or '_').")];
            }
            else if (value is null || value.Length is 0 or > 100 || value.Any(char.IsControl))
            {
                errors[$"attributes.{key}"] = [Say("Il valore di una caratteristica ha da 1 a 100 caratteri stampabili.", "An attribute value is 1 to 100 printable characters.")];
            }
        }
    }

    private static void AddIf(bool condition, Dictionary<string, string[]> errors, string field, string message)
    {
        if (condition)
        {
            errors[field] = [message];
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex AttributeKey();
}
