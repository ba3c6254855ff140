using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Will.Marketplace.Testing;

public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>Signs demo users in and gives authenticated HTTP and SignalR clients for them.</summary>
public static class ApiClient
{
    public static async Task<string> TokenFor(this MarketplaceAppFactory app, string email, string password = MarketplaceAppFactory.DemoPassword)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/account/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    public static async Task<HttpClient> ClientFor(this MarketplaceAppFactory app, string email, string password = MarketplaceAppFactory.DemoPassword)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email, password));
        return client;
    }

    /// <summary>A started hub connection through the in-memory test server (long polling).</summary>
    public static async Task<HubConnection> HubFor(this MarketplaceAppFactory app, string email)
    {
        var token = await app.TokenFor(email);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/marketplace"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public static T Service<T>(this MarketplaceAppFactory app) where T : notnull => app.Services.GetRequiredService<T>();
}
