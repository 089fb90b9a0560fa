using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Validation;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>Explicit migration of running cases from general-civil v1 to a v2 whose village mediation lasts 20 days.</summary>
public sealed class MigrationTests
{
    private static readonly Lazy<CompiledWorkflow> _v2 = new(() =>
    {
        var v1 = Get("general-civil").Definition;
        var steps = v1.Steps
            .Select(s => s.Id == "village" ? s with { Resolution = s.Resolution! with { Within = "P20D" } } : s)
            .ToList();
        return WorkflowCompiler.CompileOrThrow(v1 with { Version = 2, Steps = steps }, Library.Context);
    });

    private static CompiledWorkflow V1 => Get("general-civil");

    private static CompiledWorkflow V2 => _v2.Value;

    private static MigrationPlan IdentityPlan() => new("general-civil", 1, 2, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["village"] = "village",
        ["township"] = "township",
        ["district"] = "district",
        ["follow-up"] = "follow-up",
    });

    [Fact]
    public void Validate_IdentityPlan_HasNoIssues()
    {
        Assert.Empty(WorkflowMigration.Validate(IdentityPlan(), V1, V2));
    }

    [Fact]
    public void Validate_BrokenPlan_ReportsUnmappedUnknownAndKindMismatch()
    {
        var plan = new MigrationPlan("general-civil", 1, 2, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["village"] = "follow-up", // a mediation step cannot become a follow-up step
            ["township"] = "township-2", // v2 has no such step
            ["follow-up"] = "follow-up",
            ["hamlet"] = "village", // v1 has no such step
        });

        var issues = WorkflowMigration.Validate(plan, V1, V2);

        Assert.All(issues, i => Assert.Equal(ValidationSeverity.Error, i.Severity));
        Assert.Equal(
            [
                ("MigrationKindMismatch", "$.stepMapping.village"),
                ("MigrationUnknownTarget", "$.stepMapping.township"),
                ("MigrationUnknownSource", "$.stepMapping.hamlet"),
                ("MigrationStepUnmapped", "$.stepMapping.district"),
            ],
            issues.Select(i => (i.Code, i.Path)));
        Assert.Equal("The old step 'district' is not mapped to a new step.", issues[^1].Message.En);
        Assert.Equal("旧版本的步骤“district”没有对应的新步骤。", issues[^1].Message.ZhCn);
    }

    [Fact]
    public void Validate_PlanForOtherVersions_ReportsVersionMismatch()
    {
        var plan = IdentityPlan() with { ToVersion = 3 };

        var issue = Assert.Single(WorkflowMigration.Validate(plan, V1, V2));

        Assert.Equal("MigrationVersionMismatch", issue.Code);
    }

    [Fact]
    public void Migrate_InvalidPlan_ThrowsWithTheIssues()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        var plan = IdentityPlan() with { StepMapping = new Dictionary<string, string>(StringComparer.Ordinal) { ["village"] = "village" } };

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowMigration.Migrate(plan, V1, V2, run.State, run.Facts, Cst(2026, 3, 10, 12)));

        Assert.Equal(["MigrationStepUnmapped", "MigrationStepUnmapped", "MigrationStepUnmapped"], error.Issues.Select(i => i.Code));
    }

    [Fact]
    public void Migrate_InMediationVillageCase_KeepsClockStartAndRecountsUnderV2()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        var old = run.State;

        var decision = WorkflowMigration.Migrate(IdentityPlan(), V1, V2, old, run.Facts, Cst(2026, 3, 10, 12));

        // Clock started 15:00 on 2 Mar; v2 gives the village P20D -> 24:00 on 22 Mar (16:00 UTC); reminder P7D -> 24:00 on 15 Mar.
        var migrated = decision.State;
        var resolution = migrated.Deadlines.Single(d => d.Kind == DeadlineKind.Resolution);
        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(("general-civil", 2, "village", CasePhase.InMediation), (migrated.WorkflowKey, migrated.WorkflowVersion, migrated.StepId, migrated.Phase));
        Assert.Equal(2, migrated.StepEntry);
        Assert.Equal(old.Clock, migrated.Clock);
        Assert.Equal(Cst(2026, 3, 2, 15), resolution.CountedFrom);
        Assert.Equal(Utc(2026, 3, 22, 16), resolution.DueAt);
        Assert.Equal(EndOfDay(2026, 3, 15), migrated.Deadlines.Single(d => d.Kind == DeadlineKind.Reminder).DueAt);
        Assert.All(migrated.Deadlines, d => Assert.Equal(2, d.StepEntry));
        Assert.Equal(["1.reminder.4", "1.resolution.3"], decision.CancelledIds());
        Assert.Empty(decision.All<AssignEffect>()); // same tier, same organisation
        Assert.Equal(old.StepEnteredAt, migrated.StepEnteredAt);
    }

    [Fact]
    public void Migrate_OldTimerAfterMigration_IsStaleAndNewOneEscalatesOnV2()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        var oldResolution = run.Deadline(DeadlineKind.Resolution);
        var migrated = WorkflowMigration.Migrate(IdentityPlan(), V1, V2, run.State, run.Facts, Cst(2026, 3, 10, 12)).State;
        var newResolution = migrated.Deadlines.Single(d => d.Kind == DeadlineKind.Resolution);

        var oldTimer = WorkflowEngine.Decide(V2, migrated, run.Facts, WorkflowEvent.Timer(oldResolution.Id), oldResolution.DueAt);
        var newTimer = WorkflowEngine.Decide(V2, migrated, run.Facts, WorkflowEvent.Timer(newResolution.Id), newResolution.DueAt);

        Assert.Equal(("StaleTimer", DecisionOutcome.Ignored), (oldTimer.Problem?.Code, oldTimer.Outcome));
        Assert.Same(migrated, oldTimer.State);
        Assert.Equal(("township", 2), (newTimer.State.StepId, newTimer.State.WorkflowVersion));
        Assert.Equal(TerminationReason.TimedOut, newTimer.Only<RequireOutcomeEffect>().TerminationReason);
        Assert.Throws<ArgumentException>(() => WorkflowEngine.Decide(V1, migrated, run.Facts, WorkflowEvent.Timer(newResolution.Id), newResolution.DueAt));
    }

    [Fact]
    public void Decide_CaseNotMigrated_StillRunsOnV1Rules()
    {
        var run = new CaseRun(V1, Facts(filedAt: Cst(2026, 3, 2, 9)));

        run.Apply(WorkflowEventType.TakenUp, Cst(2026, 3, 2, 15));

        // v1's P1M, not v2's P20D: 24:00 on 2 Apr.
        Assert.Equal(1, run.State.WorkflowVersion);
        Assert.Equal(Utc(2026, 4, 2, 16), run.Deadline(DeadlineKind.Resolution).DueAt);
    }

    [Fact]
    public void Migrate_QueuedCase_RecountsTakeUpFromStepEntry()
    {
        var run = new CaseRun(V1, Facts(filedAt: Cst(2026, 3, 2, 9)));

        var decision = WorkflowMigration.Migrate(IdentityPlan(), V1, V2, run.State, run.Facts, Cst(2026, 3, 3, 9));

        // Take-up counted again from the step entry (filed 2 Mar) -> 24:00 on 5 Mar, ids of the new entry 2.
        Assert.Equal(CasePhase.Queued, decision.State.Phase);
        Assert.Equal(["2.takeUp.3", "2.reminder.4"], decision.State.Deadlines.Select(d => d.Id));
        Assert.Equal(EndOfDay(2026, 3, 5), decision.State.Deadlines[0].DueAt);
        Assert.Null(decision.State.Clock);
    }

    [Fact]
    public void Migrate_FollowUpCaseWithLiveWindow_KeepsWindowAtSameInstant()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 10, 11)), Cst(2026, 3, 10, 11));

        var decision = WorkflowMigration.Migrate(IdentityPlan(), V1, V2, run.State, run.Facts, Cst(2026, 3, 12, 9));

        // Window from effectiveAt 10 Mar -> 24:00 on 9 Apr; visit from entry 10 Mar -> 24:00 on 25 Mar.
        var deadlines = decision.State.Deadlines;
        Assert.Equal(EndOfDay(2026, 4, 9), deadlines.Single(d => d.Kind == DeadlineKind.JudicialConfirmation).DueAt);
        Assert.Equal(EndOfDay(2026, 3, 25), deadlines.Single(d => d.Kind == DeadlineKind.FollowUpVisit).DueAt);
        Assert.All(deadlines, d => Assert.Equal(3, d.StepEntry));
    }

    [Fact]
    public void Migrate_FollowUpCaseWhoseWindowClosedAndVisitWasMade_ReopensNothing()
    {
        var run = FailureAndTimeoutTests.InMediationAtVillage();
        run.Apply(WorkflowEvent.AgreementReached(AgreementForm.Written, Cst(2026, 3, 10, 11)), Cst(2026, 3, 10, 11));
        run.Apply(WorkflowEventType.FollowUpVisitDone, Cst(2026, 3, 20, 10));
        run.Send(WorkflowEvent.Timer(run.ReminderOf(DeadlineKind.JudicialConfirmation).Id), EndOfDay(2026, 4, 4));
        run.Elapse(DeadlineKind.JudicialConfirmation);
        Assert.Empty(run.State.Deadlines);

        var decision = WorkflowMigration.Migrate(IdentityPlan(), V1, V2, run.State, run.Facts, Cst(2026, 4, 15, 9));

        Assert.Equal(DecisionOutcome.Applied, decision.Outcome);
        Assert.Equal(("follow-up", 2), (decision.State.StepId, decision.State.WorkflowVersion));
        Assert.Empty(decision.State.Deadlines);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void Migrate_ClosedCase_IsRejected()
    {
        var run = new CaseRun(V1, Facts());
        run.Apply(WorkflowEventType.Withdrawn, Cst(2026, 3, 2, 10));

        var decision = WorkflowMigration.Migrate(IdentityPlan(), V1, V2, run.State, run.Facts, Cst(2026, 3, 3, 9));

        Assert.Equal(("CaseClosed", DecisionOutcome.Rejected), (decision.Problem?.Code, decision.Outcome));
        Assert.Equal(1, decision.State.WorkflowVersion);
    }
}
