using System.Diagnostics.Metrics;

namespace Mediation.Api.Operability;

/// <summary>
/// The service's own instruments on the meter <see cref="MeterName"/>, exported in OpenTelemetry form (Prometheus at
/// <c>/metrics</c>). The gauges read the last <see cref="OperationalSnapshot"/> (refreshed by
/// <see cref="OperationalMetricsCollector"/>, so a scrape never queries the database); the counters count as things happen.
/// </summary>
internal sealed class MediationMetrics
{
    public const string MeterName = "Mediation";

    /// <summary>The notification helper's meter (SMS gateway, outbox dispatcher), observed by name.</summary>
    public const string NotificationsMeterName = "Mediation.Notifications";

    private readonly Counter<long> _courtFailures;
    private readonly Counter<long> _courtCalls;
    private readonly Counter<long> _anonymised;
    private OperationalSnapshot _snapshot = OperationalSnapshot.Empty;

    public MediationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("mediation.cases.open", ObserveOpenCases, "{case}", "Open cases per workflow and step");
        meter.CreateObservableGauge("mediation.cases.overdue", () => _snapshot.Overdue, "{case}", "Open cases whose next deadline has passed");
        meter.CreateObservableGauge("mediation.timers.lag", () => _snapshot.TimerLag.TotalSeconds, "s", "How long the oldest pending deadline has been due without firing");
        meter.CreateObservableGauge("mediation.outbox.backlog", () => _snapshot.OutboxBacklog, "{message}", "Outbox messages not yet sent");
        meter.CreateObservableGauge("mediation.court.applications.pending", () => _snapshot.CourtPending, "{application}", "Judicial confirmation applications queued or awaiting the court");
        _courtFailures = meter.CreateCounter<long>("mediation.court.gateway.failures", "{failure}", "Failed calls to the court platform, by reason");
        _courtCalls = meter.CreateCounter<long>("mediation.court.gateway.calls", "{call}", "Calls to the court platform, by operation and result");
        _anonymised = meter.CreateCounter<long>("mediation.privacy.anonymised", "{case}", "Closed cases whose personal data the retention job anonymised");
    }

    public OperationalSnapshot Snapshot => _snapshot;

    /// <summary>
    /// Publishes a snapshot unless a newer one is already published: the periodic refresh and an on-demand refresh can
    /// overlap, and a read that started earlier must not overwrite the figures of one that started later.
    /// </summary>
    public void Update(OperationalSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var current = Volatile.Read(ref _snapshot);
        while (snapshot.TakenAt >= current.TakenAt)
        {
            var seen = Interlocked.CompareExchange(ref _snapshot, snapshot, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    public void CourtCall(string operation, string result) =>
        _courtCalls.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("result", result));

    public void CourtFailure(string operation, string reason) =>
        _courtFailures.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", reason));

    public void Anonymised(int cases) => _anonymised.Add(cases);

    private IEnumerable<Measurement<long>> ObserveOpenCases() =>
        _snapshot.OpenByStep.Select(s => new Measurement<long>(
            s.Count, new KeyValuePair<string, object?>("workflow", s.WorkflowKey), new KeyValuePair<string, object?>("step", s.StepId)));
}

/// <summary>What the gauges report, as of <see cref="TakenAt"/>.</summary>
internal sealed record OperationalSnapshot(
    DateTimeOffset TakenAt,
    IReadOnlyList<StepCount> OpenByStep,
    long Overdue,
    TimeSpan TimerLag,
    long OutboxBacklog,
    long CourtPending)
{
    public static OperationalSnapshot Empty { get; } = new(DateTimeOffset.MinValue, [], 0, TimeSpan.Zero, 0, 0);
}

/// <summary>Open cases at one step of one workflow.</summary>
internal sealed record StepCount(string WorkflowKey, string StepId, long Count);
