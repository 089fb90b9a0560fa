using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Compilation;

/// <summary>Checks of the definition as a graph: reachability, a way out of every deadline, no automatic cycles.</summary>
internal static class DefinitionGraph
{
    public static void Check(CompiledStep[] steps, CompiledRoute[] routes, IssueList issues)
    {
        CheckReachability(steps, routes, issues);
        foreach (var step in steps)
        {
            CheckWaysOut(step, issues);
        }

        CheckAutomaticCycles(steps, issues);
    }

    private static void CheckReachability(CompiledStep[] steps, CompiledRoute[] routes, IssueList issues)
    {
        var reached = new bool[steps.Length];
        var pending = new Stack<int>();
        foreach (var route in routes)
        {
            if (!reached[route.Target])
            {
                reached[route.Target] = true;
                pending.Push(route.Target);
            }
        }

        while (pending.TryPop(out var index))
        {
            foreach (var transitions in steps[index].Transitions)
            {
                foreach (var transition in transitions)
                {
                    if (!reached[transition.Target])
                    {
                        reached[transition.Target] = true;
                        pending.Push(transition.Target);
                    }
                }
            }
        }

        for (var i = 0; i < steps.Length; i++)
        {
            if (!reached[i])
            {
                issues.Error("UnreachableStep", $"$.steps[{i}]", steps[i].Id);
            }
        }
    }

    private static void CheckWaysOut(CompiledStep step, IssueList issues)
    {
        var path = $"$.steps[{step.Index}]";
        switch (step.Kind)
        {
            case StepKind.Mediation:
                if (step.ConsentOf is not null)
                {
                    RequireFallback(step, WorkflowEventType.ConsentDeadlineMissed, path + ".consent", issues);
                    RequireFallback(step, WorkflowEventType.ConsentRefused, path + ".consent", issues);
                }

                if (step.TakeUp is not null)
                {
                    RequireFallback(step, WorkflowEventType.TakeUpDeadlineMissed, path + ".takeUp", issues);
                }

                if (step.Resolution is not null)
                {
                    RequireFallback(step, WorkflowEventType.ResolutionDeadlineMissed, path + ".resolution", issues);
                }

                RecommendHandler(step, WorkflowEventType.AgreementReached, path, issues);
                RecommendHandler(step, WorkflowEventType.MediationFailed, path, issues);
                RecommendHandler(step, WorkflowEventType.Withdrawn, path, issues);
                break;

            case StepKind.FollowUp:
                RequireFallback(step, WorkflowEventType.Performed, path, issues);
                break;
        }
    }

    /// <summary>
    /// When the event happens, some transition must always apply: one of them has no condition and is not a bounded
    /// reassignment (transitions after it never apply, which <c>TransitionNeverApplies</c> reports).
    /// </summary>
    private static void RequireFallback(CompiledStep step, WorkflowEventType type, string path, IssueList issues)
    {
        if (!Array.Exists(step.For(type), static t => t is { When: null, IsReassign: false }))
        {
            issues.Error("NoWayOut", path, step.Id, WorkflowEvents.NameOf(type));
        }
    }

    private static void RecommendHandler(CompiledStep step, WorkflowEventType type, string path, IssueList issues)
    {
        if (step.For(type).Length == 0)
        {
            issues.Warning("EventNotHandled", path + ".on", step.Id, WorkflowEvents.NameOf(type));
        }
    }

    /// <summary>
    /// A cycle of steps joined only by deadline-driven transitions would move a case round and round with nobody
    /// acting. Bounded reassignments are excluded: they stop after their maximum.
    /// </summary>
    private static void CheckAutomaticCycles(CompiledStep[] steps, IssueList issues)
    {
        var state = new int[steps.Length];
        var stack = new List<(int Step, CompiledTransition? Via)>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Length; i++)
        {
            if (state[i] == 0)
            {
                Visit(i, null);
            }
        }

        void Visit(int index, CompiledTransition? via)
        {
            state[index] = 1;
            stack.Add((index, via));
            foreach (var type in WorkflowEvents.Automatic)
            {
                foreach (var transition in steps[index].For(type))
                {
                    if (transition.IsReassign)
                    {
                        continue;
                    }

                    if (state[transition.Target] == 1)
                    {
                        var start = stack.FindIndex(s => s.Step == transition.Target);
                        var cycle = stack.Skip(start).Select(s => steps[s.Step].Id).Append(steps[transition.Target].Id).ToList();
                        var key = string.Join(">", cycle.Order(StringComparer.Ordinal));
                        if (reported.Add(key))
                        {
                            issues.Error("AutomaticCycle", transition.Path + ".to", string.Join(" → ", cycle));
                        }
                    }
                    else if (state[transition.Target] == 0)
                    {
                        Visit(transition.Target, transition);
                    }
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[index] = 2;
        }
    }
}
