using System.Text.Json;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Billing;

/// <summary>The storage form of a programme's bands and of a bill's shares.</summary>
public static class ProgrammeJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record ShareRow(Guid FamilyId, long ShareCents, long SubsidyCents, long FamilyPaysCents);

    public static string Bands(IEnumerable<IseeBand> bands) => JsonSerializer.Serialize(bands.OrderBy(b => b.MaxIseeCents), Json);

    public static IReadOnlyList<IseeBand> Bands(string json) => JsonSerializer.Deserialize<List<IseeBand>>(json, Json) ?? [];

    public static SubsidyProgramme ToDomain(SubsidyProgrammeRecord record) => new(
        record.Id, record.MunicipalityCode, record.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
        record.ValidFrom, record.ValidTo, record.BudgetCents, Bands(record.Bands));

    public static string Shares(PeriodBill bill) =>
        JsonSerializer.Serialize(bill.Shares.Select(s => new ShareRow(s.FamilyId, s.Share.Cents, s.Subsidy.Cents, s.FamilyPays.Cents)), Json);

    public static IReadOnlyList<ShareRow> Shares(string json) => JsonSerializer.Deserialize<List<ShareRow>>(json, Json) ?? [];

    public static PeriodBill ToBill(BillRecord record) => new(
        BillingMonth.TryParse(record.Period, out var month) ? month : throw new InvalidOperationException($"Bad period {record.Period}."),
        Domain.Common.Money.FromCents(record.GrossCents),
        [.. Shares(record.Shares).Select(s => new FamilyShare(s.FamilyId, Domain.Common.Money.FromCents(s.ShareCents), Domain.Common.Money.FromCents(s.SubsidyCents), Domain.Common.Money.FromCents(s.FamilyPaysCents)))],
        Domain.Common.Money.FromCents(record.HoldbackCents));
}
