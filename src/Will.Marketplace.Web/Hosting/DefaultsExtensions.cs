using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.FileProviders;
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
        app.UseMarketplaceLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMarketplaceSecurity();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

        var webApp = WebAppFiles(app);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = webApp });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = webApp,
            // Vite names built assets by content hash: they never change, index.html always may.
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.UseAuthentication();
        app.UseSessionValidation();
        app.UseMarketplaceAntiforgery(); // checks the token against who is signed in, before help-desk mode swaps the user
        app.UseHelpDeskMode();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The browser app: unknown API paths stay problem-details 404s, everything else gets the SPA.</summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Localization.Say("Questo indirizzo dell'API non esiste.", "No such API endpoint.")))
            .ExcludeFromDescription()
            .AllowAnonymous();
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = WebAppFiles(app) }).AllowAnonymous();
        return app;
    }

    /// <summary>The browser app built from web/ into the content root's webapp folder by dotnet build.</summary>
    private static PhysicalFileProvider WebAppFiles(WebApplication app)
    {
        var path = Path.Combine(app.Environment.ContentRootPath, "webapp");
        Directory.CreateDirectory(path);
        return new PhysicalFileProvider(path);
    }
}
