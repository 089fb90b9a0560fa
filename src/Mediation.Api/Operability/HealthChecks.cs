using Mediation.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Mediation.Api.Operability;

/// <summary>The database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The exception goes to the log through the health check service, not to the anonymous response.
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }
    }
}

/// <summary>
/// Unsent outbox messages (read from the <c>Outbox</c> table directly: <c>SentAt</c> null). Above
/// <c>Health:OutboxBacklogDegradedAbove</c> the service is Degraded: messages are written but not going out.
/// </summary>
internal sealed class OutboxBacklogHealthCheck(IServiceScopeFactory scopes, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var backlog = await db.Outbox.AsNoTracking().CountAsync(o => o.SentAt == null, cancellationToken);
        var threshold = options.Value.OutboxBacklogDegradedAbove;
        var data = new Dictionary<string, object> { ["backlog"] = backlog, ["degradedAbove"] = threshold };
        return backlog > threshold
            ? HealthCheckResult.Degraded($"{backlog} outbox messages are waiting to be sent (threshold {threshold}).", data: data)
            : HealthCheckResult.Healthy($"{backlog} outbox messages waiting.", data);
    }
}
