using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Web.Live;

/// <summary>This silo's end of the push fan-out: delivers to the SignalR connections held here.</summary>
internal sealed class HubPushObserver(IHubContext<MarketplaceHub> hub, ILogger<HubPushObserver> logger) : IPushObserver
{
    public async Task Deliver(ImmutableArray<LiveMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                await hub.Clients.Group(message.Target).SendAsync(message.Method, message.Payload);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not push {Method} to {Target}", message.Method, message.Target);
            }
        }
    }
}
