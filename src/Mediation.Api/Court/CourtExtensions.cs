using Mediation.Api.Operability;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Court;

internal static class CourtExtensions
{
    /// <summary>
    /// Judicial confirmation: <c>Court:*</c> options (validated at start-up), the platform client, the application
    /// service and the durable submission worker.
    /// </summary>
    public static IHostApplicationBuilder AddCourtLinkage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CourtOptions>()
            .BindConfiguration(CourtOptions.Section)
            .Validate(o => !o.Enabled || o.BaseUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                "Court:BaseUrl must be an absolute http(s) URL when Court:Enabled is true.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxAttempts >= 1 && o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay
                    && o.PollInterval > TimeSpan.Zero && o.WorkerInterval > TimeSpan.Zero,
                "Court: Timeout, RetryBaseDelay, PollInterval and WorkerInterval must be positive, RetryMaxDelay at least RetryBaseDelay, MaxAttempts at least 1.")
            .ValidateOnStart();
        builder.Services.AddHttpClient<CourtPlatformClient>(CourtPlatformClient.HttpClientName, (services, http) =>
        {
            // The client's own timeout is per call (Court:Timeout); this is only an outer bound.
            http.Timeout = services.GetRequiredService<IOptions<CourtOptions>>().Value.Timeout + TimeSpan.FromSeconds(5);
        });
        builder.Services.AddScoped<JudicialConfirmationService>();
        builder.Services.AddSingleton<CourtSubmissionWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CourtSubmissionWorker>());
        builder.Services.TryAddSingleton<MediationMetrics>();
        return builder;
    }
}
