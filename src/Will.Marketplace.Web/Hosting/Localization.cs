using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Will.Marketplace.Web.Hosting;

/// <summary>
/// Italian first, English too: the request's culture comes from Accept-Language (the browser app
/// sends the language the person chose), or from <c>?ui-culture=</c> on links the browser follows by
/// itself (a file to download), Italian when none is given.
/// </summary>
public static class Localization
{
    private static readonly string[] Cultures = ["it", "en"];

    public static WebApplication UseMarketplaceLocalization(this WebApplication app)
    {
        var options = new RequestLocalizationOptions().SetDefaultCulture("it").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        app.UseRequestLocalization(options);
        return app;
    }

    /// <summary>The message in the request's language; both versions stand side by side where they are used.</summary>
    public static string Say(string italian, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : italian;
}
