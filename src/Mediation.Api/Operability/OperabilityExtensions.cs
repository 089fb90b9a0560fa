using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Mediation.Api.Operability;

internal static class OperabilityExtensions
{
    /// <summary>Health checks tagged for readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Health checks (database, outbox backlog; the scheduler's is added with the timers), logging scopes in the console
    /// output, and OpenTelemetry metrics: the service's meter, the notifications meter (by name) and ASP.NET Core's,
    /// exported for Prometheus.
    /// </summary>
    public static IHostApplicationBuilder AddOperability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(o => o.OutboxBacklogDegradedAbove >= 0, "Health:OutboxBacklogDegradedAbove must not be negative.").ValidateOnStart();
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Metrics:RefreshInterval must be positive.").ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<OutboxBacklogHealthCheck>("outbox", tags: [ReadyTag]);

        // Scopes carry the case reference and dispute id into every line logged inside a dispute path or a timer.
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        builder.Services.TryAddSingleton<MediationMetrics>();
        builder.Services.AddSingleton<OperationalMetricsCollector>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OperationalMetricsCollector>());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Mediation.Api"))
            .WithMetrics(metrics => metrics
                .AddMeter(MediationMetrics.MeterName, MediationMetrics.NotificationsMeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers; no checks), <c>/health/ready</c> (database, scheduler, outbox backlog),
    /// <c>/metrics</c> (Prometheus text format, when <c>Metrics:Enabled</c>) and a logging scope with the dispute id for
    /// every request under <c>/api/disputes/{id}</c>.
    /// </summary>
    public static WebApplication MapOperability(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mediation.Api.Disputes");
            if (context.Request.Path.StartsWithSegments("/api/disputes", out var rest)
                && rest.Value is { Length: > 1 } remainder
                && Guid.TryParse(remainder.AsSpan(1, Math.Min(36, remainder.Length - 1)), out var disputeId))
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["DisputeId"] = disputeId }))
                {
                    await next(context);
                }

                return;
            }

            await next(context);
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Name == "quartz",
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        if (app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Enabled ?? true)
        {
            app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        }

        return app;
    }

    /// <summary>Status per check and overall, with descriptions; never exception details (the endpoint is anonymous).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDuration = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count == 0 ? null : e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
