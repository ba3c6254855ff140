using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Domain.Tests;

/// <summary>Any valid packing will do where the solver is not what is tested: largest value first, disjoint.</summary>
internal sealed class GreedyPacking : ISetPackingSolver
{
    public PackingResult Solve(int itemCount, IReadOnlyList<PackingCandidate> candidates, TimeSpan timeLimit)
    {
        var used = new HashSet<int>();
        var chosen = new List<int>();
        foreach (var (candidate, index) in candidates.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Value))
        {
            if (!candidate.Items.Any(used.Contains))
            {
                used.UnionWith(candidate.Items);
                chosen.Add(index);
            }
        }

        return new PackingResult(chosen, chosen.Sum(i => candidates[i].Value), candidates.Sum(c => c.Value), ProvedOptimal: false);
    }
}
