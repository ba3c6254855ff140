using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Will.Marketplace.Abstractions.Live;
using Will.Marketplace.Infrastructure.Auditing;
using Will.Marketplace.Infrastructure.Identity;
using Will.Marketplace.Infrastructure.Persistence;
using Will.Marketplace.Web.Hosting;

namespace Will.Marketplace.Web.Live;

/// <summary>
/// "/hubs/marketplace": every connection joins its user's group, staff their municipality's; staff may also watch a pool of
/// their municipality. Members hear about their pools through their user group.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MarketplaceHub(IDbContextFactory<MarketplaceDbContext> contexts, AuditTrail audit) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveTarget.User(user.UserId()).GroupName);
        if (user.IsInRole(Roles.Staff) && user.MunicipalityCode() is { } municipality)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveTarget.Staff(municipality).GroupName);
        }

        if (user.IsInRole(Roles.Provider) && user.ProviderId() is not null && user.MunicipalityCode() is { } home)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveTarget.Providers(home).GroupName);
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Starts pushing a pool's changes to this connection, when the caller may see that pool.</summary>
    public async Task WatchPool(Guid poolId)
    {
        var user = Context.User!;
        await using var db = await contexts.CreateDbContextAsync();
        var municipality = await db.Pools.Where(p => p.Id == poolId).Select(p => p.MunicipalityCode).SingleOrDefaultAsync();
        var allowed = municipality is not null && (
            user.IsInRole(Roles.Admin) ||
            (user.IsInRole(Roles.Staff) && user.MunicipalityCode() == municipality) ||
            await db.PoolMemberships.AnyAsync(m => m.PoolId == poolId && m.FamilyId == user.UserId() && m.LeftAt == null));
        if (!allowed)
        {
            var actor = AuditExtensions.ActorOf(user, Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());
            await audit.RecordAsync(actor, new AuditEvent("denied", "hub watchPool", poolId.ToString(), MunicipalityCode: user.MunicipalityCode()));
            throw new HubException("No such pool.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveTarget.Pool(poolId).GroupName);
    }

    public Task UnwatchPool(Guid poolId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveTarget.Pool(poolId).GroupName);
}
