namespace Mediation.Api.Operability;

/// <summary><c>Health:*</c>: thresholds of the readiness checks.</summary>
internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Unsent outbox messages above this make <c>/health/ready</c> report Degraded (still 200).</summary>
    public int OutboxBacklogDegradedAbove { get; set; } = 500;
}

/// <summary><c>Metrics:*</c>: the OpenTelemetry metrics and their Prometheus endpoint.</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> in the Prometheus text format.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the gauges' figures (cases per step, overdue, timer lag, outbox backlog) are read from the database.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
