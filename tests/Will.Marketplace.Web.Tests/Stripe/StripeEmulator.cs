using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Will.Marketplace.Web.Tests.Stripe;

/// <summary>
/// A local stand-in for the Stripe API over real HTTP, so the real Stripe.net client runs in tests.
/// It implements what the product uses (customers for now), Stripe's idempotency semantics (same key
/// and same parameters: the first answer again; same key, other parameters: 400) and injected
/// faults answered with Stripe-Should-Retry so that the client's retry path is exercised.
/// </summary>
public sealed class StripeEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Parameters, int Status, string Body)> _idempotent = new();
    private readonly ConcurrentQueue<int> _faults = new();
    private int _sequence;

    private StripeEmulator(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string Path, string? IdempotencyKey)> Calls { get; } = new();

    public ConcurrentDictionary<string, JsonElement> Customers { get; } = new();

    public static async Task<StripeEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var emulator = new StripeEmulator(builder.Build());
        emulator._app.MapPost("/v1/customers", emulator.CreateCustomer);
        emulator._app.MapGet("/v1/customers/{id}", (string id) => emulator.Customers.TryGetValue(id, out var c)
            ? Results.Json(c)
            : Error(404, "invalid_request_error", $"No such customer: '{id}'"));
        await emulator._app.StartAsync();
        emulator.BaseAddress = new Uri(emulator._app.Urls.First());
        return emulator;
    }

    /// <summary>The next calls fail with these HTTP statuses, in order (e.g. 500, 409).</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _faults.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> CreateCustomer(HttpRequest request, HttpResponse response)
    {
        var form = await request.ReadFormAsync();
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        Calls.Enqueue(("POST", "/v1/customers", key));
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            return Error(401, "invalid_request_error", "Invalid API Key provided.");
        }

        if (_faults.TryDequeue(out var fault))
        {
            response.Headers["Stripe-Should-Retry"] = "true";
            return Error(fault, "api_error", "Injected fault.");
        }

        var parameters = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        if (key is not null && _idempotent.TryGetValue(key, out var earlier))
        {
            response.Headers["Idempotent-Replayed"] = "true";
            return earlier.Parameters == parameters
                ? Results.Content(earlier.Body, "application/json", statusCode: earlier.Status)
                : Error(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
        }

        var id = $"cus_emu{Interlocked.Increment(ref _sequence):D6}";
        var customer = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "customer",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["email"] = form["email"].FirstOrDefault(),
            ["name"] = form["name"].FirstOrDefault(),
            ["livemode"] = false,
            ["metadata"] = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString()),
        };
        var body = JsonSerializer.Serialize(customer);
        Customers[id] = JsonDocument.Parse(body).RootElement;
        if (key is not null)
        {
            _idempotent[key] = (parameters, 200, body);
        }

        return Results.Content(body, "application/json");
    }

    private static IResult Error(int status, string type, string message) =>
        Results.Json(new { error = new { type, message } }, statusCode: status);
}
