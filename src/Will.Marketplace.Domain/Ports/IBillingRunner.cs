using Will.Marketplace.Domain.Billing;

namespace Will.Marketplace.Domain.Ports;

/// <summary>A family's bill for a period, as the family is told of it.</summary>
public sealed record IssuedBill(Guid FamilyId, Guid OrderId, Guid PoolId, string Period, long FamilyPaysCents, long SubsidyCents, bool ShortOfBudget);

/// <summary>What a billing run did: the bills issued (or revised) and the payments it made or left to make.</summary>
public sealed record BillingReport(int OrdersBilled, long GrossCents, long SubsidyCents, IReadOnlyList<IssuedBill> Bills, int PaymentsMade, int PaymentsPending);

/// <summary>
/// Bills a municipality's collective orders and executes their payments. One caller at a time per
/// municipality (its billing grain), so a programme's budget has a single writer.
/// </summary>
public interface IBillingRunner
{
    /// <summary>Bills every order of the municipality due for the period and not yet billed for it.</summary>
    Task<BillingReport> BillAsync(string municipalityCode, BillingMonth period, CancellationToken cancellationToken = default);

    /// <summary>Bills an order's period again after a member left or joined, and makes the refunds, charges, transfers and reversals the difference needs.</summary>
    Task<BillingReport> ReviseAsync(string municipalityCode, Guid orderId, BillingMonth period, CancellationToken cancellationToken = default);

    /// <summary>Makes the payments left to make (retrying under the same idempotency keys).</summary>
    Task<BillingReport> ExecutePaymentsAsync(string municipalityCode, CancellationToken cancellationToken = default);
}
