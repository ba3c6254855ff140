namespace Will.Marketplace.Abstractions.Billing;

/// <summary>What a billing run did, for staff.</summary>
[GenerateSerializer, Immutable, Alias("Will.BillingRun")]
public sealed record BillingRun(
    [property: Id(0)] string Period,
    [property: Id(1)] int OrdersBilled,
    [property: Id(2)] long GrossCents,
    [property: Id(3)] long SubsidyCents,
    [property: Id(4)] int PaymentsMade,
    [property: Id(5)] int PaymentsPending);

/// <summary>
/// A municipality's billing: the single writer of its subsidy budgets and bills. A durable
/// reminder bills each month as it becomes due and retries the payments left to make.
/// </summary>
[Alias("Will.IBillingGrain")]
public interface IBillingGrain : IGrainWithStringKey
{
    /// <summary>Bills the orders due for a month ("yyyy-MM") not billed yet, then makes the payments.</summary>
    [Alias("Bill")]
    Task<BillingRun> Bill(string period);

    /// <summary>Bills an order's month again after a member left or joined.</summary>
    [Alias("Revise")]
    Task<BillingRun> Revise(Guid orderId, string period);

    /// <summary>Makes the payments left to make, such as transfers waiting for late payments.</summary>
    [Alias("ExecutePayments")]
    Task<BillingRun> ExecutePayments();

    /// <summary>Registers the hourly reminder, if it is not registered yet.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduled();
}
