using System.Globalization;
using System.Text.Json;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;

namespace Mediation.Workflows.Cli;

/// <summary>Prints a simulation: one block per event or deadline with its effects, then the step path and the final state.</summary>
internal sealed class TraceWriter(TextWriter output, CultureInfo culture)
{
    /// <summary>China Standard Time: every legal day is counted there, so every time is shown there.</summary>
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private readonly bool _english = culture.TwoLetterISOLanguageName == "en";

    private static string Time(DateTimeOffset instant) =>
        instant.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public void Write(CompiledWorkflow workflow, SimulationScript script, SimulationTrace trace)
    {
        var facts = script.Facts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workflow.Key} v{workflow.Version}: {workflow.Definition.Name?.For(culture)}"));
        output.WriteLine(L("Facts", "案情") + ": " + string.Join(", ",
            $"{L("category", "类别")} {facts.Category}",
            $"{L("claimed", "标的额")} {(facts.ClaimedAmount is { } amount ? amount.ToString(CultureInfo.InvariantCulture) : "-")}",
            $"{L("parties", "当事人数")} {facts.PartyCount.ToString(CultureInfo.InvariantCulture)}",
            $"{L("channel", "来源")} {facts.Channel}",
            $"{L("location", "地点")} {facts.Location}",
            $"{L("filed", "申请")} {Time(facts.FiledAt)}"));
        if (!workflow.AppliesTo(facts))
        {
            output.WriteLine(L(
                $"Note: {workflow.Key} would not be chosen for these facts (category or condition); simulated anyway.",
                $"注意：按此案情不会选用 {workflow.Key}（类别或适用条件不符），仍按要求模拟。"));
        }

        output.WriteLine();
        var rejected = 0;
        var stepEntry = 0;
        foreach (var entry in trace.Entries)
        {
            rejected += entry.Decision.Outcome == DecisionOutcome.Rejected ? 1 : 0;
            WriteEntry(workflow, entry, stepEntry);
            stepEntry = entry.Decision.State.StepEntry;
        }

        output.WriteLine();
        if (rejected > 0)
        {
            output.WriteLine(L(
                $"REJECTED: {rejected.ToString(CultureInfo.InvariantCulture)} scripted event(s) were not permitted where the case stood (marked REJECTED above); the simulation went on without them.",
                $"已拒绝：{rejected.ToString(CultureInfo.InvariantCulture)} 个脚本事件在案件当时所处环节不被允许（见上文“已拒绝”），模拟跳过这些事件继续进行。"));
        }

        output.WriteLine($"{L("Path", "路径")}: {string.Join(" → ", trace.Path)}");
        WriteFinal(workflow, trace.Final);
    }

    private void WriteEntry(CompiledWorkflow workflow, TraceEntry entry, int stepEntryBefore)
    {
        var decision = entry.Decision;
        var what = entry.DeadlineId is null ? entry.Event : $"{entry.Event} {entry.DeadlineId}";
        var outcome = decision.Outcome switch
        {
            DecisionOutcome.Applied => L("applied", "已执行"),
            DecisionOutcome.Ignored => L("ignored", "已忽略"),
            _ => L("REJECTED", "已拒绝"),
        };
        var from = string.IsNullOrEmpty(decision.FromStep) ? "-" : $"{decision.FromStep}/{Name(decision.FromPhase)}";
        var to = $"{decision.State.StepId}/{Name(decision.State.Phase)}";
        var move = decision.Applied ? $"{from} → {to}" : from;
        output.WriteLine($"{Time(entry.At)}  {what,-36} {outcome,-8} {move}");
        if (decision.Applied && decision.State.StepEntry != stepEntryBefore && workflow.FindStep(decision.State.StepId) is { } step)
        {
            output.WriteLine($"    {L("enters", "进入")} {step.Id}: {step.Name.For(culture)}");
        }

        foreach (var effect in decision.Effects)
        {
            output.WriteLine($"    {Describe(effect)}");
        }

        if (decision.Problem is { } problem)
        {
            output.WriteLine($"    {problem.Code}: {problem.Message.For(culture)}");
        }
    }

    private string Describe(WorkflowEffect effect) => effect switch
    {
        AssignEffect assign => $"{L("assign", "指派")} {assign.StepId} → {(assign.Tier is { } tier ? Name(tier) : assign.Body)} ({Name(assign.Reason)})",
        ScheduleDeadlineEffect { Deadline: var d } => Schedule(d),
        CancelDeadlineEffect cancel => $"{L("cancel", "取消")} {cancel.DeadlineId}",
        NotifyEffect notify => $"{L("notify", "通知")} {Name(notify.Audience)}: {notify.Template}{(notify.DeadlineId is null ? string.Empty : $" ({notify.DeadlineId})")}",
        RequireOutcomeEffect record => Record(record),
        _ => effect.ToString(),
    };

    private string Schedule(Deadline d)
    {
        var kind = d.ReminderOf is null ? Name(d.Kind) : $"{Name(d.Kind)} {L("of", "提醒")} {d.ReminderOf}";
        var provisional = d.Provisional ? L(", provisional", "，暂定") : string.Empty;
        var counted = d.ReminderOf is null
            ? $"{d.Duration.Text} {L("in", "按")} {d.Calendar}"
            : $"{d.Duration.Text} {L("before", "之前")}";
        return $"{L("schedule", "设定")} {d.Id} {kind}: {L("due", "到期")} {Time(d.DueAt)} ({counted}{provisional})";
    }

    private string Record(RequireOutcomeEffect record)
    {
        var text = $"{L("record", "记录")} {Name(record.Kind)} {L("for", "于")} {record.StepId}";
        if (record.TerminationReason is { } reason)
        {
            text += $" ({Name(reason)})";
        }

        if (!record.Remedies.IsDefaultOrEmpty)
        {
            text += $"; {L("remedies", "救济途径")}: {string.Join(", ", record.Remedies.Select(r => Name(r)))}";
        }

        return text;
    }

    private void WriteFinal(CompiledWorkflow workflow, CaseState state)
    {
        var step = workflow.FindStep(state.StepId);
        var outcome = state.Outcome is { } o ? $", {L("outcome", "结果")} {Name(o)}" : string.Empty;
        output.WriteLine($"{L("Final state", "最终状态")}: {state.StepId} ({step?.Name.For(culture)}), {L("phase", "阶段")} {Name(state.Phase)}{outcome}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {L("step entry", "环节序号")} {state.StepEntry}, {L("entered", "进入于")} {Time(state.StepEnteredAt)}, {L("reassignments", "改派")} {state.Reassignments}, {L("escalations", "升级")} {state.Escalations}"));
        if (state.Clock is { } clock)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {L("resolution clock started", "调解期限起算")} {Time(clock.StartedAt)}, {L("extensions", "延期")} {clock.ExtensionsUsed}, {L("pauses", "暂停")} {clock.Pauses}{(clock.PausedAt is { } paused ? $", {L("paused since", "暂停自")} {Time(paused)}" : string.Empty)}"));
        }

        if (state.AgreementEffectiveAt is { } effective)
        {
            output.WriteLine($"    {L("agreement in force since", "协议生效于")} {Time(effective)}");
        }

        if (state.Deadlines.IsDefaultOrEmpty)
        {
            output.WriteLine($"    {L("live deadlines: none", "未到期期限：无")}");
            return;
        }

        output.WriteLine($"    {L("live deadlines", "未到期期限")}:");
        foreach (var deadline in state.Deadlines)
        {
            output.WriteLine($"      {deadline.Id} {Name(deadline.Kind)}: {L("due", "到期")} {Time(deadline.DueAt)}{(deadline.Provisional ? L(" (provisional)", "（暂定）") : string.Empty)}");
        }
    }

    private string L(string english, string chinese) => _english ? english : chinese;

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
