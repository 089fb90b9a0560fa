using System.Globalization;
using System.Text.RegularExpressions;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Validation;

namespace Mediation.Api.Web.Designer;

/// <summary>Where on the canvas a validation issue belongs: a step (and a transition of it), a routing rule, or the workflow.</summary>
/// <param name="StepIndex">Index in <c>steps</c>, when the path is inside a step.</param>
/// <param name="StepId">That step's id.</param>
/// <param name="TransitionIndex">Index in the step's <c>on</c>, when the path is inside a transition.</param>
/// <param name="RoutingIndex">Index in <c>routing</c>, when the path is inside an entry rule.</param>
/// <param name="Member">The step's member the path names after the step (<c>takeUp</c>, <c>resolution</c>, <c>handler</c>…), if any.</param>
public sealed record IssueTarget(int? StepIndex, string? StepId, int? TransitionIndex, int? RoutingIndex, string? Member)
{
    public static IssueTarget Workflow { get; } = new(null, null, null, null, null);
}

/// <summary>Maps the engine validator's JSON paths (<c>$.steps[2].on[1].to</c>) to nodes, edges and routing rows.</summary>
public static partial class DesignerIssues
{
    public static IssueTarget Locate(ValidationIssue issue, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return Locate(issue.Path, definition);
    }

    public static IssueTarget Locate(string path, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(definition);
        var step = StepPath().Match(path);
        if (step.Success)
        {
            var index = int.Parse(step.Groups["step"].Value, CultureInfo.InvariantCulture);
            var id = index < definition.Steps.Count ? definition.Steps[index].Id : null;
            int? transition = step.Groups["on"].Success ? int.Parse(step.Groups["on"].Value, CultureInfo.InvariantCulture) : null;
            var member = step.Groups["member"].Success ? step.Groups["member"].Value : null;
            return new IssueTarget(index, id, transition, null, member);
        }

        var route = RoutingPath().Match(path);
        return route.Success
            ? new IssueTarget(null, null, null, int.Parse(route.Groups["rule"].Value, CultureInfo.InvariantCulture), null)
            : IssueTarget.Workflow;
    }

    /// <summary>The issues located at step <paramref name="stepId"/> or inside it.</summary>
    public static IReadOnlyList<ValidationIssue> ForStep(IEnumerable<ValidationIssue> issues, WorkflowDefinition definition, string stepId) =>
        [.. issues.Where(i => Locate(i, definition).StepId == stepId)];

    [GeneratedRegex(@"^\$\.steps\[(?<step>\d+)\](?:\.on\[(?<on>\d+)\]|\.(?<member>[A-Za-z]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex StepPath();

    [GeneratedRegex(@"^\$\.routing\[(?<rule>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex RoutingPath();
}
