using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Will.Marketplace.Abstractions.Billing;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Domain.Billing;
using Will.Marketplace.Domain.Common;
using Will.Marketplace.Domain.Ports;
using Will.Marketplace.Grains.Live;

namespace Will.Marketplace.Grains.Billing;

/// <summary>
/// One per municipality. Being one activation cluster-wide, it is the single writer of the
/// municipality's subsidy budgets, so concurrent billing can never overspend them. Its reminder
/// is durable (kept in the marketplace database), so a month is billed even after a restart.
/// </summary>
public sealed class BillingGrain(IBillingRunner runner, PushOutbox outbox, TimeProvider time) : Grain, IBillingGrain, IRemindable
{
    public const string Schedule = "billing";

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private string Municipality => this.GetPrimaryKeyString();

    public async Task<BillingRun> Bill(string period)
    {
        var month = Month(period);
        var report = await runner.BillAsync(Municipality, month);
        Publish(month, report);
        return View(month, report);
    }

    public async Task<BillingRun> Revise(Guid orderId, string period)
    {
        var month = Month(period);
        var report = await runner.ReviseAsync(Municipality, orderId, month);
        Publish(month, report);
        return View(month, report);
    }

    public async Task<BillingRun> ExecutePayments()
    {
        var month = BillingMonth.Of(ItalianCalendar.Today(time));
        return View(month, await runner.ExecutePaymentsAsync(Municipality));
    }

    public async Task EnsureScheduled()
    {
        if (await this.GetReminder(Schedule) is null)
        {
            await this.RegisterOrUpdateReminder(Schedule, TimeSpan.FromMinutes(5), Every);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Schedule)
        {
            await Bill(BillingMonth.Of(ItalianCalendar.Today(time)).ToString());
        }
    }

    private static BillingMonth Month(string period) =>
        BillingMonth.TryParse(period, out var month) ? month : throw new ArgumentException($"The period '{period}' is not yyyy-MM.", nameof(period));

    private static BillingRun View(BillingMonth month, BillingReport report) =>
        new(month.ToString(), report.OrdersBilled, report.GrossCents, report.SubsidyCents, report.PaymentsMade, report.PaymentsPending);

    private void Publish(BillingMonth month, BillingReport report)
    {
        if (report.Bills.Count == 0)
        {
            return;
        }

        var messages = report.Bills
            .Select(b => new LiveMessage(LiveTarget.User(b.FamilyId), LiveMessage.BillIssuedMethod, new BillIssued(b.OrderId, b.PoolId, b.Period, b.FamilyPaysCents, b.SubsidyCents, b.ShortOfBudget)))
            .Append(new LiveMessage(LiveTarget.Staff(Municipality), LiveMessage.BudgetUpdatedMethod, new BudgetUpdated(month.ToString(), report.SubsidyCents)))
            .ToImmutableArray();
        outbox.Post(messages);
    }
}
