using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Will.Marketplace.Domain.Ports;
using static Will.Marketplace.Web.Hosting.Localization;

namespace Will.Marketplace.Web.Hosting;

/// <summary>
/// Turns what reaches the pipeline as an exception into RFC 9457 problem details: unreadable JSON
/// becomes a 400 naming the field, a lost concurrency race a 409, anything else a 500 without details.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, Say("Il corpo della richiesta non è un JSON valido per questo indirizzo.", "The request body is not valid JSON for this endpoint."), FieldErrors(json)),
            BadHttpRequestException bad when ParameterName(bad.Message) is { } parameter =>
                (400, Say("Un parametro non è valido.", "A parameter is not valid."),
                    new Dictionary<string, string[]> { [parameter] = [Say("Questo valore ha un tipo o un formato sbagliato.", "This value has the wrong type or format.")] }),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, null),
            ConcurrencyConflictException => (409, Say("Qualcun altro ha modificato questo dato nello stesso momento: riprova.", "Someone else changed this at the same moment; please try again."), null),
            Orleans.Runtime.OrleansException or TimeoutException => (503, Say("Il servizio è occupato: riprova tra poco.", "The service is busy; please try again."), null),
            _ => (500, Say("Qualcosa non ha funzionato da parte nostra.", "Something went wrong on our side."), (IDictionary<string, string[]>?)null),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Minimal APIs say 'Failed to bind parameter "int? take" from "abc".': the field is the last word in the quotes.</summary>
    private static string? ParameterName(string message) =>
        BindFailure().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_]*)\" from")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static Dictionary<string, string[]> FieldErrors(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return new() { [field] = [Say("Questo valore ha un tipo o un formato sbagliato.", "This value has the wrong type or format.")] };
    }
}
