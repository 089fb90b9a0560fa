using Mediation.Workflows.Compilation;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Runtime;

/// <summary>An administrator's explicit plan to move running cases from one version of a workflow to another.</summary>
/// <param name="WorkflowKey">The workflow.</param>
/// <param name="FromVersion">The version the cases run on.</param>
/// <param name="ToVersion">The version they move to.</param>
/// <param name="StepMapping">For each old step, the new step a case in it moves to.</param>
public sealed record MigrationPlan(string WorkflowKey, int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> StepMapping);

/// <summary>Validates migration plans and migrates cases. Nothing migrates a case implicitly.</summary>
public static class WorkflowMigration
{
    /// <summary>Checks that <paramref name="plan"/> fits the two versions: every non-terminal old step maps to an existing new step of the same kind.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(MigrationPlan plan, CompiledWorkflow from, CompiledWorkflow to)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var issues = new IssueList();
        if (!string.Equals(plan.WorkflowKey, from.Key, StringComparison.Ordinal) || !string.Equals(plan.WorkflowKey, to.Key, StringComparison.Ordinal)
            || plan.FromVersion != from.Version || plan.ToVersion != to.Version)
        {
            issues.Error("MigrationVersionMismatch", "$", $"{plan.WorkflowKey} v{plan.FromVersion}", $"v{plan.ToVersion}");
            return issues.Items;
        }

        foreach (var (source, target) in plan.StepMapping)
        {
            var path = $"$.stepMapping.{source}";
            if (!from.TryGetStep(source, out var oldStep))
            {
                issues.Error("MigrationUnknownSource", path, source);
                continue;
            }

            if (!to.TryGetStep(target, out var newStep))
            {
                issues.Error("MigrationUnknownTarget", path, target);
                continue;
            }

            if (oldStep.Kind != newStep.Kind)
            {
                issues.Error("MigrationKindMismatch", path, source, CamelCaseEnum<StepKind>.NameOf(oldStep.Kind), target, CamelCaseEnum<StepKind>.NameOf(newStep.Kind));
            }
        }

        foreach (var step in from.Steps)
        {
            if (step.Kind != StepKind.Terminal && !plan.StepMapping.ContainsKey(step.Id))
            {
                issues.Error("MigrationStepUnmapped", $"$.stepMapping.{step.Id}", step.Id);
            }
        }

        return issues.Items;
    }

    /// <summary>
    /// Moves one running case to the new version: its step is mapped, its live deadlines are cancelled and
    /// recounted under the new step's rules from when each clock originally started, and the step entry advances
    /// so that timers of the old version are recognised as stale.
    /// </summary>
    public static Decision Migrate(MigrationPlan plan, CompiledWorkflow from, CompiledWorkflow to, CaseState state, CaseFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var errors = Validate(plan, from, to).Where(i => i.Severity == ValidationSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new WorkflowDefinitionException(errors);
        }

        var oldStep = WorkflowEngine.StepOf(from, state);
        if (state.IsClosed)
        {
            return new Decision(DecisionOutcome.Rejected, state, [], state.StepId, state.Phase, new DecisionProblem("CaseClosed", Text.Get("CaseClosed", state.StepId)));
        }

        to.TryGetStep(plan.StepMapping[state.StepId], out var newStep);
        if ((state.Phase == CasePhase.Paused && !newStep.Pausable) || (state.Phase == CasePhase.AwaitingConsent && newStep.ConsentOf is null))
        {
            var issues = new IssueList();
            issues.Error("MigrationPhaseUnsupported", $"$.stepMapping.{state.StepId}", CamelCaseEnum<CasePhase>.NameOf(state.Phase), newStep.Id);
            throw new WorkflowDefinitionException(issues.Items);
        }

        var builder = new DecisionBuilder(to, facts, now, state with { WorkflowVersion = to.Version });
        builder.CancelAll();
        builder.Rebase(newStep);
        if (oldStep.Tier != newStep.Tier || !string.Equals(oldStep.Body, newStep.Body, StringComparison.Ordinal))
        {
            builder.Effect(new AssignEffect(newStep.Id, newStep.Tier, newStep.Body, AssignmentReason.Moved));
        }

        switch (state.Phase)
        {
            case CasePhase.AwaitingConsent:
                builder.Schedule(DeadlineKind.Consent, state.StepEnteredAt, newStep.ConsentWithin, []);
                break;
            case CasePhase.Queued:
                if (newStep.TakeUp is { } takeUp)
                {
                    builder.Schedule(DeadlineKind.TakeUp, state.StepEnteredAt, takeUp);
                }

                if (state.Clock is { } queuedClock && newStep.Resolution is { } queuedResolution)
                {
                    builder.Schedule(DeadlineKind.Resolution, queuedClock.StartedAt, queuedResolution);
                }

                break;
            case CasePhase.InMediation when state.Clock is { } clock && newStep.Resolution is { } resolution:
                builder.Schedule(DeadlineKind.Resolution, clock.StartedAt, resolution);
                break;
            case CasePhase.FollowUp:
                // Only what is still live moves: a window that has closed or a visit that was made is not reopened.
                if (state.Deadlines.Any(d => d.Kind == DeadlineKind.JudicialConfirmation))
                {
                    builder.OpenJudicialConfirmation(newStep);
                }

                if (newStep.FollowUpVisit is { } visit && state.Deadlines.Any(d => d.Kind == DeadlineKind.FollowUpVisit))
                {
                    builder.Schedule(DeadlineKind.FollowUpVisit, state.StepEnteredAt, visit);
                }

                break;
        }

        return builder.Build(state.StepId, state.Phase);
    }
}
