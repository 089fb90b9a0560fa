using Mediation.Api.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Mediation.Api.Web;

/// <summary>
/// The browser UI: Blazor components served by this host. Resident pages render on the server without a live
/// connection (static server rendering with enhanced forms), so a phone on a weak network can still submit; staff pages
/// that need live interaction (the workflow designer) opt into interactive server rendering per page.
/// </summary>
internal static class WebUiExtensions
{
    public const string LoginPath = "/account/login";

    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "mediation.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
        });
        return builder;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        return app;
    }

    /// <summary>Sign-out and language choice: plain form posts and links, so they work without a live connection.</summary>
    private static void MapAccountEndpoints(this WebApplication app)
    {
        // Binding the form makes the endpoint validate the antiforgery token the layout's sign-out form carries.
        app.MapPost("/account/logout", async ([Microsoft.AspNetCore.Mvc.FromForm] IFormCollection form, SignInManager<Data.Entities.ApplicationUser> signIn) =>
        {
            _ = form;
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).ExcludeFromDescription();

        app.MapGet("/culture", (string culture, string? redirectUri, HttpContext context, TimeProvider clock) =>
        {
            if (Infrastructure.ApiDefaults.Cultures.Any(c => c.Name == culture))
            {
                context.Response.Cookies.Append(
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                    Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            }

            return TypedResults.LocalRedirect(redirectUri is { Length: > 0 } && redirectUri.StartsWith('/') ? redirectUri : "/");
        }).ExcludeFromDescription();
    }
}
