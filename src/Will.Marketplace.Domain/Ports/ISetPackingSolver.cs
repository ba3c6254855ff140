using System.Collections.Immutable;

namespace Will.Marketplace.Domain.Ports;

/// <summary>One candidate set: the items (indexes) it covers and what choosing it is worth.</summary>
public sealed record PackingCandidate(ImmutableArray<int> Items, long Value);

/// <summary>The chosen candidates (pairwise disjoint), their total value and the solver's bound on the best total.</summary>
public sealed record PackingResult(IReadOnlyList<int> Chosen, long Value, long UpperBound, bool ProvedOptimal);

/// <summary>Weighted set packing: choose disjoint candidates of greatest total value within a time limit.</summary>
public interface ISetPackingSolver
{
    PackingResult Solve(int itemCount, IReadOnlyList<PackingCandidate> candidates, TimeSpan timeLimit);
}
