using System.Globalization;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Workflows;

/// <summary>
/// Carries out a validated migration plan case by case. Each case is migrated in a scope (and transaction) of its own
/// through <see cref="DisputeWorkflow.MigrateAsync"/>, so one case that cannot move does not hold up the others. A dry
/// run asks the engine what would happen and changes nothing.
/// </summary>
internal sealed class WorkflowMigrations(
    MediationDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IStringLocalizer<ApiMessages> text,
    ILogger<WorkflowMigrations> logger)
{
    public async Task<MigrationResponse> RunAsync(
        MigrationPlan plan, CompiledWorkflow from, CompiledWorkflow to, IReadOnlyList<Guid>? disputeIds, bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        var ids = disputeIds ?? await db.Disputes.AsNoTracking()
            .Where(d => d.WorkflowKey == plan.WorkflowKey && d.WorkflowVersion == plan.FromVersion && !d.IsClosed)
            .OrderBy(d => d.Reference)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        var results = new List<MigrationCaseResult>(ids.Count);
        foreach (var id in ids)
        {
            var dispute = await db.Disputes.AsNoTracking().Include(d => d.Parties).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (dispute is null)
            {
                results.Add(new MigrationCaseResult(id, null, MigrationCaseOutcome.NotFound, null, null, null, text["MigrationCaseNotFound"], []));
                continue;
            }

            if (dispute.WorkflowKey != plan.WorkflowKey || dispute.WorkflowVersion != plan.FromVersion)
            {
                results.Add(Rejected(dispute, text["MigrationCaseOtherVersion", dispute.WorkflowKey, dispute.WorkflowVersion, plan.FromVersion]));
                continue;
            }

            if (dispute.IsClosed)
            {
                results.Add(Rejected(dispute, text["MigrationCaseClosed"]));
                continue;
            }

            results.Add(dryRun
                ? DryRun(plan, from, to, dispute, culture)
                : await MigrateAsync(plan, dispute, actor, culture, cancellationToken));
        }

        var migrated = results.Count(r => r.Outcome is MigrationCaseOutcome.Migrated or MigrationCaseOutcome.WouldMigrate);
        return new MigrationResponse(plan.WorkflowKey, plan.FromVersion, plan.ToVersion, dryRun, migrated, results.Count - migrated, results);
    }

    private MigrationCaseResult DryRun(MigrationPlan plan, CompiledWorkflow from, CompiledWorkflow to, Dispute dispute, CultureInfo culture)
    {
        try
        {
            var decision = WorkflowMigration.Migrate(plan, from, to, dispute.State, dispute.ToFacts(), clock.GetUtcNow());
            return decision.Applied
                ? Moved(dispute, MigrationCaseOutcome.WouldMigrate, decision.State)
                : Rejected(dispute, decision.Problem?.Message.For(culture));
        }
        catch (WorkflowDefinitionException exception)
        {
            return Rejected(dispute, Describe(exception.Issues, culture));
        }
    }

    private async Task<MigrationCaseResult> MigrateAsync(MigrationPlan plan, Dispute dispute, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<DisputeWorkflow>();
        try
        {
            var result = await workflow.MigrateAsync(dispute.Id, plan, actor, cancellationToken);
            return result.Kind switch
            {
                WorkflowResultKind.Applied => Moved(dispute, MigrationCaseOutcome.Migrated, result.Dispute!.State),
                // It was there a moment ago: someone else moved it in between.
                WorkflowResultKind.NotFound => Rejected(dispute, text["MigrationCaseConflict"]),
                _ => Rejected(dispute, result.Decision?.Problem?.Message.For(culture)),
            };
        }
        catch (WorkflowDefinitionException exception)
        {
            return Rejected(dispute, Describe(exception.Issues, culture));
        }
        catch (DbUpdateConcurrencyException exception)
        {
            logger.LogInformation(exception, "Dispute {Reference} changed while it was being migrated", dispute.Reference);
            return Rejected(dispute, text["MigrationCaseConflict"]);
        }
    }

    private static MigrationCaseResult Moved(Dispute dispute, MigrationCaseOutcome outcome, CaseState state) =>
        new(dispute.Id, dispute.Reference, outcome, dispute.StepId, state.StepId, state.Phase, null,
            [.. state.Deadlines.OrderBy(d => d.DueAt).Select(DeadlineView.From)]);

    private static MigrationCaseResult Rejected(Dispute dispute, string? reason) =>
        new(dispute.Id, dispute.Reference, MigrationCaseOutcome.Rejected, dispute.StepId, null, dispute.Phase, reason, []);

    private static string Describe(IReadOnlyList<ValidationIssue> issues, CultureInfo culture) =>
        string.Join(" ", issues.Select(i => $"{i.Code}: {i.Message.For(culture)}"));
}
