using System.ComponentModel.DataAnnotations;

namespace Will.Marketplace.Grains.Matching;

/// <summary>Section "Matching": how the background re-optimisation runs.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>How long after a request starts waiting the matchmaker looks for a better grouping.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ReoptimiseAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per exact solve; larger sets are cut into shards.</summary>
    [Range(4, 500)]
    public int MaxShardSize { get; set; } = 60;

    /// <summary>Time limit of one shard's solve.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan SolveTimeLimit { get; set; } = TimeSpan.FromSeconds(2);
}
