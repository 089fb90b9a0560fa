using System.Globalization;
using System.Text;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Runtime;

namespace Mediation.Workflows.Export;

/// <summary>Exports a workflow as a Mermaid state diagram: steps as states, transitions labelled with their event and condition.</summary>
public static class MermaidExporter
{
    /// <summary>The diagram, with step names in <paramref name="culture"/> (Chinese by default).</summary>
    public static string Export(CompiledWorkflow workflow, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        culture ??= CultureInfo.GetCultureInfo("zh-CN");
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        text.Append("    %% ").Append(workflow.Key).Append(" v").Append(workflow.Version.ToString(CultureInfo.InvariantCulture))
            .Append(" (").Append(workflow.Calendar.Name).AppendLine(")");
        foreach (var step in workflow.Steps)
        {
            var detail = step.Kind switch
            {
                StepKind.Mediation => step.Tier is { } tier ? CamelCaseEnum<Tier>.NameOf(tier) : step.Body,
                StepKind.Terminal => step.Referral is { } referral ? CamelCaseEnum<Referral>.NameOf(referral) : step.Outcome is { } o ? CamelCaseEnum<TerminalOutcome>.NameOf(o) : null,
                _ => "followUp",
            };
            text.Append("    ").Append(Id(step.Id)).Append(" : ").Append(Escape(step.Name.For(culture)));
            if (step.Resolution is { } resolution)
            {
                text.Append("<br/>").Append(detail).Append(", ").Append(resolution.Within.Text);
            }
            else if (detail is not null)
            {
                text.Append("<br/>").Append(detail);
            }

            text.AppendLine();
        }

        foreach (var route in workflow.Routes)
        {
            text.Append("    [*] --> ").Append(Id(workflow.Steps[route.Target].Id)).Append(" : ").AppendLine(Escape(route.When is null ? "default" : route.Id));
        }

        foreach (var step in workflow.Steps)
        {
            foreach (var transitions in step.Transitions)
            {
                foreach (var transition in transitions)
                {
                    var label = WorkflowEvents.NameOf(transition.Event);
                    if (transition.IsReassign)
                    {
                        label += string.Create(CultureInfo.InvariantCulture, $" (reassign ≤{transition.ReassignMaxTimes})");
                    }

                    if (transition.When is not null)
                    {
                        label += " [if]";
                    }

                    text.Append("    ").Append(Id(step.Id)).Append(" --> ").Append(Id(workflow.Steps[transition.Target].Id))
                        .Append(" : ").AppendLine(Escape(label));
                }
            }

            if (step.Kind == StepKind.Terminal)
            {
                text.Append("    ").Append(Id(step.Id)).AppendLine(" --> [*]");
            }
        }

        return text.ToString();
    }

    private static string Id(string stepId) => stepId.Replace('-', '_');

    private static string Escape(string text) => text.Replace(":", "：", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
