using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

/// <summary>The simulator fires deadlines on a virtual clock with the same engine the service uses.</summary>
public sealed class SimulationTests
{
    [Fact]
    public void Run_NeighbourDisputeNobodyTakesUp_EscalatesAutomaticallyToLitigationReferral()
    {
        var script = new SimulationScript(Facts(filedAt: Cst(2026, 3, 2, 9)), []);

        var trace = WorkflowSimulator.Run(Get("general-civil"), script);

        // Each take-up period is P3D and each new one starts on the day its predecessor's 24:00 begins:
        //   village  filed Mon 2 Mar 09:00  -> reminder 24:00 4 Mar, take-up missed 24:00 5 Mar
        //   township entered 00:00 6 Mar    -> reminder 24:00 8 Mar, missed 24:00 9 Mar
        //   district entered 00:00 10 Mar   -> reminder 24:00 12 Mar, missed 24:00 13 Mar -> reassigned (once)
        //   district entered 00:00 14 Mar   -> reminder 24:00 16 Mar, missed 24:00 17 Mar -> referred to litigation
        (DateTimeOffset At, string Event, string? DeadlineId, string StepAfter)[] expected =
        [
            (Cst(2026, 3, 2, 9), TraceEntry.Filed, null, "village"),
            (Utc(2026, 3, 4, 16), "timerElapsed", "1.reminder.2", "village"),
            (Utc(2026, 3, 5, 16), "timerElapsed", "1.takeUp.1", "township"),
            (Utc(2026, 3, 8, 16), "timerElapsed", "2.reminder.4", "township"),
            (Utc(2026, 3, 9, 16), "timerElapsed", "2.takeUp.3", "district"),
            (Utc(2026, 3, 12, 16), "timerElapsed", "3.reminder.6", "district"),
            (Utc(2026, 3, 13, 16), "timerElapsed", "3.takeUp.5", "district"),
            (Utc(2026, 3, 16, 16), "timerElapsed", "4.reminder.8", "district"),
            (Utc(2026, 3, 17, 16), "timerElapsed", "4.takeUp.7", "referred-litigation"),
        ];
        Assert.Equal(expected, trace.Entries.Select(e => (e.At, e.Event, e.DeadlineId, e.Decision.State.StepId)));
        Assert.All(trace.Entries, e => Assert.Equal(DecisionOutcome.Applied, e.Decision.Outcome));
        Assert.Equal(["village", "township", "district", "district", "referred-litigation"], trace.Path.ToArray());
        Assert.Equal(AssignmentReason.Reassigned, trace.Entries[6].Decision.Only<AssignEffect>().Reason);
        Assert.Equal((CasePhase.Closed, TerminalOutcome.Referred, 2, 5), (trace.Final.Phase, trace.Final.Outcome, trace.Final.Escalations, trace.Final.StepEntry));
        Assert.Equal(TerminationReason.TimedOut, trace.Entries[^1].Decision.Only<RequireOutcomeEffect>().TerminationReason);
        Assert.Empty(trace.Final.Deadlines);
    }

    [Fact]
    public void Run_UntilBeforeTakeUpDeadline_StopsWithCaseStillAtVillage()
    {
        // Until 23:59 on 5 Mar: the reminder (24:00 on 4 Mar) fires, the take-up deadline (24:00 on 5 Mar) does not.
        var script = new SimulationScript(Facts(filedAt: Cst(2026, 3, 2, 9)), [], Until: Cst(2026, 3, 5, 23, 59));

        var trace = WorkflowSimulator.Run(Get("general-civil"), script);

        Assert.Equal([TraceEntry.Filed, "timerElapsed"], trace.Entries.Select(e => e.Event));
        Assert.Equal(["village"], trace.Path.ToArray());
        Assert.Equal("village", trace.Final.StepId);
        Assert.Equal(["1.takeUp.1"], trace.Final.Deadlines.Select(d => d.Id));
    }

    [Fact]
    public void Run_UntilExactlyAtDeadline_FiresIt()
    {
        var script = new SimulationScript(Facts(filedAt: Cst(2026, 3, 2, 9)), [], Until: EndOfDay(2026, 3, 5));

        var trace = WorkflowSimulator.Run(Get("general-civil"), script);

        Assert.Equal(["village", "township"], trace.Path.ToArray());
        Assert.Equal(Utc(2026, 3, 5, 16), trace.Entries[^1].At);
    }

    [Fact]
    public void Run_EventsBetweenTimers_FiresDueTimersFirstThenEvent()
    {
        var script = new SimulationScript(Facts(filedAt: Cst(2026, 3, 2, 9)),
        [
            new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.TakenUp), At: Cst(2026, 3, 7, 10)),
            new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.MediationFailed), After: WorkflowDuration.Parse("PT2H")),
        ], Until: Cst(2026, 3, 7, 12));

        var trace = WorkflowSimulator.Run(Get("general-civil"), script);

        // By 7 Mar the village take-up (24:00 on 5 Mar) has passed: the township takes the case up, then fails at 12:00.
        Assert.Equal(
            [TraceEntry.Filed, "timerElapsed", "timerElapsed", "takenUp", "mediationFailed"],
            trace.Entries.Select(e => e.Event));
        Assert.Equal(Cst(2026, 3, 7, 12), trace.Entries[^1].At);
        Assert.Equal(["village", "township", "district"], trace.Path.ToArray());
        Assert.Equal(TerminationReason.Failed, trace.Entries[^1].Decision.Only<RequireOutcomeEffect>().TerminationReason);
    }

    [Fact]
    public void Run_EventsOutOfOrder_Throws()
    {
        var script = new SimulationScript(Facts(filedAt: Cst(2026, 3, 2, 9)),
        [
            new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.TakenUp), At: Cst(2026, 3, 3, 9)),
            new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.Withdrawn), At: Cst(2026, 3, 2, 18)),
        ]);

        var error = Assert.Throws<ArgumentException>(() => WorkflowSimulator.Run(Get("general-civil"), script));

        Assert.Equal("script", error.ParamName);
    }

    [Fact]
    public void Run_EventBeforeFiling_Throws()
    {
        var script = new SimulationScript(Facts(filedAt: Cst(2026, 3, 2, 9)),
            [new ScriptedEvent(WorkflowEvent.Of(WorkflowEventType.TakenUp), At: Cst(2026, 3, 2, 8))]);

        Assert.Throws<ArgumentException>(() => WorkflowSimulator.Run(Get("general-civil"), script));
    }
}
