using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Geography;
using Will.Marketplace.Domain.Scheduling;

namespace Will.Marketplace.Domain.Requests;

/// <summary>A family's need for one service category, in its municipality.</summary>
public sealed record CareRequest(
    Guid Id,
    Guid FamilyId,
    string MunicipalityCode,
    string CategoryCode,
    GeoPoint Location,
    WeeklySchedule Schedule,
    DateOnly StartDate,
    IReadOnlyDictionary<string, string> Attributes,
    Money? MaxPricePerHour,
    DateTimeOffset CreatedAt);
