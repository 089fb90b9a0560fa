using System.Globalization;
using Mediation.Workflows.Export;
using static Mediation.Workflows.Tests.Engine.ShippedWorkflows;

namespace Mediation.Workflows.Tests.Engine;

public sealed class MermaidExportTests
{
    [Fact]
    public void Export_GeneralCivil_HasEveryStepAndLabelledTransitions()
    {
        var workflow = Get("general-civil");

        var diagram = MermaidExporter.Export(workflow);
        var lines = diagram.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("stateDiagram-v2", lines[0]);
        Assert.Equal("    %% general-civil v1 (natural)", lines[1]);
        foreach (var step in workflow.StepInfos)
        {
            Assert.Contains(lines, l => l.StartsWith("    " + step.Id.Replace('-', '_') + " : ", StringComparison.Ordinal));
        }

        Assert.Contains("    village : 村（社区）调解<br/>village, P1M", lines);
        Assert.Contains("    [*] --> township : large-claim", lines);
        Assert.Contains("    [*] --> township : group-dispute", lines);
        Assert.Contains("    [*] --> village : default", lines);
        Assert.Contains("    village --> village : declined (reassign ≤1)", lines);
        Assert.Contains("    village --> township : declined", lines);
        Assert.Contains("    village --> township : takeUpDeadlineMissed", lines);
        Assert.Contains("    village --> township : mediationFailed", lines);
        Assert.Contains("    village --> follow_up : agreementReached", lines);
        Assert.Contains("    district --> district : takeUpDeadlineMissed (reassign ≤1)", lines);
        Assert.Contains("    district --> referred_litigation : resolutionDeadlineMissed", lines);
        Assert.Contains("    follow_up --> closed : performed", lines);
        Assert.Contains("    referred_litigation --> [*]", lines);
        Assert.Equal(27, lines.Count(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)));
    }

    [Fact]
    public void Export_InEnglish_UsesEnglishStepNames()
    {
        var diagram = MermaidExporter.Export(Get("medical"), CultureInfo.GetCultureInfo("en"));

        Assert.Contains("    %% medical v1 (cn-mainland)", diagram, StringComparison.Ordinal);
        Assert.Contains("    committee : Medical committee mediation<br/>medical-committee, P30D", diagram, StringComparison.Ordinal);
        Assert.Contains("    committee --> refused : consentRefused", diagram, StringComparison.Ordinal);
    }
}
