using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Will.Marketplace.Web.Hosting;

public static class DefaultsExtensions
{
    /// <summary>Problem details, OpenAPI, structured logs and JSON settings shared by every endpoint.</summary>
    public static WebApplicationBuilder AddMarketplaceDefaults(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseMarketplaceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The browser app: unknown API paths stay problem-details 404s, everything else gets the SPA.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API endpoint."))
            .ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
        return app;
    }
}
