using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Web.Live;

/// <summary>
/// This silo's end of the push fan-out: delivers to the SignalR connections held here. Each message
/// goes to all its audiences' groups in one send, so SignalR writes the event once for all of them.
/// </summary>
internal sealed class HubPushObserver(IHubContext<MarketplaceHub> hub, ILogger<HubPushObserver> logger) : IPushObserver
{
    public async Task Deliver(ImmutableArray<LiveMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                var groups = new string[message.Targets.Length];
                for (var i = 0; i < groups.Length; i++)
                {
                    groups[i] = message.Targets[i].GroupName;
                }

                await hub.Clients.Groups(groups).SendAsync(message.Method, message.Payload);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not push {Method} to {Targets}", message.Method, string.Join(", ", message.Targets));
            }
        }
    }
}
