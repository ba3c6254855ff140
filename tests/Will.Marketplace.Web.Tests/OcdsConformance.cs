using System.Globalization;
using System.Text.Json;

namespace Will.Marketplace.Web.Tests;

/// <summary>
/// What the OCDS 1.1 release-package and release schemas require, checked over a document: the
/// required fields, the closed codelists used here, dates as date-times, values as numbers with a
/// currency, organisation references that resolve to parties, contracts that point at an award,
/// and no nulls (the schema types do not allow them where we write).
/// </summary>
internal static class OcdsConformance
{
    private static readonly HashSet<string> ReleaseTags = ["planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "awardUpdate", "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate", "contractTermination", "compiled"];
    private static readonly HashSet<string> TenderStatuses = ["planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn"];
    private static readonly HashSet<string> AwardStatuses = ["pending", "active", "cancelled", "unsuccessful"];
    private static readonly HashSet<string> ContractStatuses = ["pending", "active", "cancelled", "terminated"];

    public static List<string> Problems(JsonElement package)
    {
        var problems = new List<string>();
        foreach (var field in new[] { "uri", "publishedDate", "publisher", "releases", "version" })
        {
            Require(package, field, "package", problems);
        }

        DateTime(package, "publishedDate", "package", problems);
        NoNulls(package, "$", problems);
        var ocids = new HashSet<string>();
        foreach (var release in package.GetProperty("releases").EnumerateArray())
        {
            foreach (var field in new[] { "ocid", "id", "date", "tag", "initiationType" })
            {
                Require(release, field, "release", problems);
            }

            var ocid = release.GetProperty("ocid").GetString()!;
            if (!ocids.Add(ocid))
            {
                problems.Add($"two releases for {ocid} in one package");
            }

            if (release.GetProperty("id").GetString()!.Contains('#', StringComparison.Ordinal))
            {
                problems.Add($"{ocid}: release id contains #");
            }

            DateTime(release, "date", ocid, problems);
            if (release.GetProperty("tag").GetArrayLength() == 0 || release.GetProperty("tag").EnumerateArray().Any(t => !ReleaseTags.Contains(t.GetString()!)))
            {
                problems.Add($"{ocid}: tag outside the releaseTag codelist");
            }

            if (release.GetProperty("initiationType").GetString() != "tender")
            {
                problems.Add($"{ocid}: initiationType must be tender");
            }

            var parties = release.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToList();
            if (parties.Count != parties.Distinct().Count())
            {
                problems.Add($"{ocid}: party ids repeat");
            }

            Resolves(release.GetProperty("buyer"), parties, $"{ocid} buyer", problems);
            var tender = release.GetProperty("tender");
            Require(tender, "id", $"{ocid} tender", problems);
            In(tender, "status", TenderStatuses, $"{ocid} tender", problems);
            var awardIds = new HashSet<string>();
            if (release.TryGetProperty("awards", out var awards))
            {
                foreach (var award in awards.EnumerateArray())
                {
                    Require(award, "id", $"{ocid} award", problems);
                    awardIds.Add(award.GetProperty("id").GetString()!);
                    In(award, "status", AwardStatuses, $"{ocid} award", problems);
                    DateTime(award, "date", $"{ocid} award", problems);
                    Value(award.GetProperty("value"), $"{ocid} award", problems);
                    foreach (var supplier in award.GetProperty("suppliers").EnumerateArray())
                    {
                        Resolves(supplier, parties, $"{ocid} supplier", problems);
                    }
                }
            }

            if (release.TryGetProperty("contracts", out var contracts))
            {
                foreach (var contract in contracts.EnumerateArray())
                {
                    Require(contract, "id", $"{ocid} contract", problems);
                    Require(contract, "awardID", $"{ocid} contract", problems);
                    if (!awardIds.Contains(contract.GetProperty("awardID").GetString()!))
                    {
                        problems.Add($"{ocid}: contract awardID matches no award");
                    }

                    In(contract, "status", ContractStatuses, $"{ocid} contract", problems);
                    Value(contract.GetProperty("value"), $"{ocid} contract", problems);
                }
            }
        }

        return problems;
    }

    private static void Require(JsonElement element, string field, string where, List<string> problems)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
        {
            problems.Add($"{where}: {field} is required");
        }
    }

    private static void DateTime(JsonElement element, string field, string where, List<string> problems)
    {
        if (element.TryGetProperty(field, out var value) && !DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            problems.Add($"{where}: {field} is not an RFC 3339 date-time");
        }
    }

    private static void In(JsonElement element, string field, HashSet<string> codes, string where, List<string> problems)
    {
        if (element.TryGetProperty(field, out var value) && !codes.Contains(value.GetString()!))
        {
            problems.Add($"{where}: {field} '{value.GetString()}' is outside its codelist");
        }
    }

    private static void Value(JsonElement value, string where, List<string> problems)
    {
        if (value.GetProperty("amount").ValueKind != JsonValueKind.Number || value.GetProperty("currency").GetString() != "EUR")
        {
            problems.Add($"{where}: value must be a number with currency EUR");
        }
    }

    private static void Resolves(JsonElement reference, List<string> parties, string where, List<string> problems)
    {
        if (!parties.Contains(reference.GetProperty("id").GetString()!))
        {
            problems.Add($"{where}: {reference.GetProperty("id").GetString()} is not among the parties");
        }
    }

    private static void NoNulls(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                problems.Add($"{path} is null");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    NoNulls(property.Value, $"{path}.{property.Name}", problems);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    NoNulls(item, $"{path}[{i++}]", problems);
                }

                break;
        }
    }
}
