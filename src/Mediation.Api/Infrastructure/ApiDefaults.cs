using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;

namespace Mediation.Api.Infrastructure;

/// <summary>What every area of the API shares: JSON, problem details, localisation, OpenAPI, health.</summary>
internal static class ApiDefaults
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en")];

    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new() { Title = "Mediation API", Version = "v1", Description = "在线矛盾纠纷多元化解服务 / Online dispute resolution for grassroots mediation" });
            var xml = Path.Combine(AppContext.BaseDirectory, "Mediation.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            // Query string, then the cookie the web UI's language switch sets, then Accept-Language for API calls only:
            // the web UI opens in Chinese whatever the browser's language until the user picks English.
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ],
        });
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Mediation API");
        return app;
    }
}

/// <summary>Accept-Language, honoured for <c>/api</c> requests (API clients choose their language per call).</summary>
internal sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? base.DetermineProviderCultureResult(httpContext)
            : Task.FromResult<ProviderCultureResult?>(null);
}
