using Google.OrTools.Sat;
using Will.Marketplace.Domain.Ports;

namespace Will.Marketplace.Optimisation;

/// <summary>
/// Weighted set packing with Google OR-Tools CP-SAT: one Boolean per candidate, at most one chosen
/// candidate per item, maximise the total value. Stops at the time limit with the best solution
/// found and the proven bound.
/// </summary>
public sealed class CpSatSetPackingSolver(int workers = 1) : ISetPackingSolver
{
    public PackingResult Solve(int itemCount, IReadOnlyList<PackingCandidate> candidates, TimeSpan timeLimit)
    {
        if (candidates.Count == 0)
        {
            return new PackingResult([], 0, 0, ProvedOptimal: true);
        }

        var model = new CpModel();
        var chosen = candidates.Select((_, i) => model.NewBoolVar($"c{i}")).ToArray();
        var covering = new List<ILiteral>[itemCount];
        for (var i = 0; i < candidates.Count; i++)
        {
            foreach (var item in candidates[i].Items)
            {
                (covering[item] ??= []).Add(chosen[i]);
            }
        }

        foreach (var literals in covering.Where(l => l is { Count: > 1 }))
        {
            model.AddAtMostOne(literals);
        }

        model.Maximize(LinearExpr.WeightedSum(chosen, candidates.Select(c => c.Value)));
        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"max_time_in_seconds:{timeLimit.TotalSeconds} num_workers:{workers} random_seed:7"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new PackingResult([], 0, candidates.Sum(c => Math.Max(0, c.Value)), ProvedOptimal: false);
        }

        var picked = Enumerable.Range(0, candidates.Count).Where(i => solver.BooleanValue(chosen[i])).ToList();
        return new PackingResult(picked, (long)Math.Round(solver.ObjectiveValue), (long)Math.Floor(solver.BestObjectiveBound), status == CpSolverStatus.Optimal);
    }
}
