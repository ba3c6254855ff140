using System.Text.Json;

namespace Will.Marketplace.Infrastructure.Stores;

internal static class RequestAttributesJson
{
    public static string Write(IReadOnlyDictionary<string, string> attributes) => JsonSerializer.Serialize(attributes);

    public static IReadOnlyDictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
