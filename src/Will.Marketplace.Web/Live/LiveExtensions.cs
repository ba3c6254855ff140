using Will.Marketplace.Abstractions.Live;

namespace Will.Marketplace.Web.Live;

public static class LiveExtensions
{
    public static WebApplicationBuilder AddMarketplaceLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        builder.Services.AddSingleton<IPushObserver, HubPushObserver>();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        app.MapHub<MarketplaceHub>("/hubs/marketplace");
        return app;
    }
}
