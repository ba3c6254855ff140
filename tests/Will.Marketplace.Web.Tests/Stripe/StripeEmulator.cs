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
/// It implements what the product calls (customers, setup intents, payment intents, transfers and
/// their reversals, refunds, connected accounts and onboarding links) with Stripe's idempotency
/// semantics (same key and parameters: the first answer again; same key, other parameters: 400) and
/// injected faults: an HTTP status answered with Stripe-Should-Retry, or a timeout after the call
/// took effect (the answer comes too late), so that the client's and the product's retries run.
/// </summary>
public sealed class StripeEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Parameters, int Status, string Body)> _idempotent = new();
    private readonly ConcurrentQueue<(string? Path, int Status)> _faults = new();
    private readonly SemaphoreSlim _serial = new(1, 1);
    private int _sequence;

    private StripeEmulator(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string Path, string? IdempotencyKey)> Calls { get; } = new();

    /// <summary>Every object created, by id.</summary>
    public ConcurrentDictionary<string, JsonElement> Objects { get; } = new();

    public IEnumerable<JsonElement> Customers => OfType("customer");

    /// <summary>The status new payment intents get: "succeeded", "processing" (a webhook settles it), "requires_payment_method".</summary>
    public string PaymentIntentStatus { get; set; } = "succeeded";

    /// <summary>Reversals answer 400, as Stripe does when the connected account's balance cannot cover them.</summary>
    public bool RefuseReversals { get; set; }

    /// <summary>How long a "timeout" fault holds the answer back after the call took effect.</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(3);

    public IEnumerable<JsonElement> OfType(string type) => Objects.Values.Where(o => o.GetProperty("object").GetString() == type);

    public static async Task<StripeEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var e = new StripeEmulator(builder.Build());
        e._app.MapPost("/v1/customers", (HttpRequest r, HttpResponse s) => e.Create(r, s, "cus", "customer", (form, id) => new()
        {
            ["email"] = form["email"].FirstOrDefault(),
        }));
        e._app.MapPost("/v1/setup_intents", (HttpRequest r, HttpResponse s) => e.Create(r, s, "seti", "setup_intent", (form, id) => new()
        {
            ["customer"] = form["customer"].FirstOrDefault(), ["status"] = "requires_payment_method", ["usage"] = form["usage"].FirstOrDefault(),
            ["client_secret"] = $"{id}_secret_emu",
        }));
        e._app.MapPost("/v1/payment_intents", (HttpRequest r, HttpResponse s) => e.Create(r, s, "pi", "payment_intent", (form, id) => new()
        {
            ["amount"] = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture), ["currency"] = form["currency"].FirstOrDefault(),
            ["customer"] = form["customer"].FirstOrDefault(), ["payment_method"] = form["payment_method"].FirstOrDefault(),
            ["transfer_group"] = form["transfer_group"].FirstOrDefault(), ["status"] = e.PaymentIntentStatus,
        }));
        e._app.MapPost("/v1/transfers", (HttpRequest r, HttpResponse s) => e.Create(r, s, "tr", "transfer", (form, id) => new()
        {
            ["amount"] = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture), ["currency"] = form["currency"].FirstOrDefault(),
            ["destination"] = form["destination"].FirstOrDefault(), ["transfer_group"] = form["transfer_group"].FirstOrDefault(), ["amount_reversed"] = 0,
        }));
        e._app.MapPost("/v1/transfers/{transfer}/reversals", (string transfer, HttpRequest r, HttpResponse s) => e.RefuseReversals
            ? Task.FromResult(Error(400, "invalid_request_error", "Insufficient funds in the connected account to reverse this transfer."))
            : e.Create(r, s, "trr", "transfer_reversal", (form, id) => new()
            {
                ["amount"] = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture), ["currency"] = "eur", ["transfer"] = transfer,
            }));
        e._app.MapPost("/v1/refunds", (HttpRequest r, HttpResponse s) => e.Create(r, s, "re", "refund", (form, id) => new()
        {
            ["amount"] = long.Parse(form["amount"]!, System.Globalization.CultureInfo.InvariantCulture), ["currency"] = "eur",
            ["payment_intent"] = form["payment_intent"].FirstOrDefault(), ["status"] = "succeeded",
        }));
        e._app.MapPost("/v1/accounts", (HttpRequest r, HttpResponse s) => e.Create(r, s, "acct", "account", (form, id) => new()
        {
            ["type"] = form["type"].FirstOrDefault(), ["country"] = form["country"].FirstOrDefault(), ["details_submitted"] = false, ["payouts_enabled"] = false,
        }));
        e._app.MapPost("/v1/account_links", (HttpRequest r, HttpResponse s) => e.Create(r, s, "al", "account_link", (form, id) => new()
        {
            ["url"] = $"https://connect.stripe.com/setup/e/{form["account"]}/emu", ["expires_at"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
        }));
        e._app.MapGet("/v1/customers/{id}", (string id) => e.Objects.TryGetValue(id, out var c)
            ? Results.Json(c)
            : Error(404, "invalid_request_error", $"No such customer: '{id}'"));
        await e._app.StartAsync();
        e.BaseAddress = new Uri(e._app.Urls.First());
        return e;
    }

    /// <summary>The next calls (to any path) fail with these HTTP statuses, in order (e.g. 500, 409).</summary>
    public void FailNext(params int[] statuses) => FailNextOn(null, statuses);

    /// <summary>The next calls to this path fail with these statuses; 0 means a timeout after the call took effect.</summary>
    public void FailNextOn(string? path, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _faults.Enqueue((path, status));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _serial.Dispose();
    }

    private async Task<IResult> Create(HttpRequest request, HttpResponse response, string prefix, string type, Func<IFormCollection, string, Dictionary<string, object?>> build)
    {
        var form = await request.ReadFormAsync();
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        var path = request.Path.Value!;
        Calls.Enqueue(("POST", path, key));
        if (!request.Headers.Authorization.ToString().StartsWith("Bearer sk_", StringComparison.Ordinal))
        {
            return Error(401, "invalid_request_error", "Invalid API Key provided.");
        }

        var fault = TakeFault(path);
        if (fault is > 0)
        {
            response.Headers["Stripe-Should-Retry"] = "true";
            return Error(fault.Value, fault == 409 ? "idempotency_error" : "api_error", "Injected fault.");
        }

        var parameters = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        string body;
        await _serial.WaitAsync();
        try
        {
            if (key is not null && _idempotent.TryGetValue(key, out var earlier))
            {
                response.Headers["Idempotent-Replayed"] = "true";
                return earlier.Parameters == parameters
                    ? Results.Content(earlier.Body, "application/json", statusCode: earlier.Status)
                    : Error(400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
            }

            var id = $"{prefix}_emu{Interlocked.Increment(ref _sequence):D6}";
            var fields = build(form, id);
            fields["id"] = id;
            fields["object"] = type;
            fields["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            fields["livemode"] = false;
            fields["metadata"] = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)).ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString());
            body = JsonSerializer.Serialize(fields);
            Objects[id] = JsonDocument.Parse(body).RootElement;
            if (key is not null)
            {
                _idempotent[key] = (parameters, 200, body);
            }
        }
        finally
        {
            _serial.Release();
        }

        if (fault == 0)
        {
            // The call took effect, but its answer comes after the client has given up.
            await Task.Delay(TimeoutDelay);
        }

        return Results.Content(body, "application/json");
    }

    private int? TakeFault(string path)
    {
        if (_faults.TryPeek(out var next) && (next.Path is null || next.Path == path) && _faults.TryDequeue(out var fault))
        {
            return fault.Status;
        }

        return null;
    }

    private static IResult Error(int status, string type, string message) =>
        Results.Json(new { error = new { type, message } }, statusCode: status);
}
