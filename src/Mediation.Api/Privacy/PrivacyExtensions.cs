using Microsoft.Extensions.Options;

namespace Mediation.Api.Privacy;

internal static class PrivacyExtensions
{
    /// <summary>Personal-data protection: <c>Privacy:*</c> options (validated at start-up) and the retention job.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.AccessLogRetentionDays >= PrivacyOptions.MinimumAccessLogRetentionDays,
                $"Privacy:AccessLogRetentionDays must be at least {PrivacyOptions.MinimumAccessLogRetentionDays} (access logs are kept at least six months).")
            .Validate(o => o.AnonymiseClosedAfterDays >= PrivacyOptions.MinimumAnonymiseAfterDays,
                $"Privacy:AnonymiseClosedAfterDays must be at least {PrivacyOptions.MinimumAnonymiseAfterDays} (past the judicial confirmation window).")
            .Validate(o => o.RetentionInterval > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.AnonymisedName),
                "Privacy:RetentionInterval must be positive and Privacy:AnonymisedName not empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PrivacyRetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PrivacyRetentionJob>());
        return builder;
    }
}
