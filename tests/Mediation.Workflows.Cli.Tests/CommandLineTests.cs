namespace Mediation.Workflows.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Mermaid_ShippedWorkflow_PrintsStateDiagram()
    {
        var result = Cli.Run("mermaid", Cli.Workflows, "general-civil");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("stateDiagram-v2", result.Out, StringComparison.Ordinal);
        Assert.Contains("village --> township : mediationFailed", result.Out, StringComparison.Ordinal);
        Assert.Contains("村（社区）调解", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_InEnglish_UsesEnglishStepNames()
    {
        var result = Cli.Run("mermaid", Cli.Workflows, "general-civil", "--lang=en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Village or community mediation", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_UnknownWorkflow_ExitsTwo()
    {
        var result = Cli.Run("mermaid", Cli.Workflows, "nope");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Help_PrintsUsageAndExitsZero()
    {
        var result = Cli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mediation-workflows validate <workflows-folder> [--json]", result.Out, StringComparison.Ordinal);
        Assert.Contains("mediation-workflows simulate", result.Out, StringComparison.Ordinal);
        Assert.Contains("mediation-workflows mermaid", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("validate")]
    [InlineData("validate", "a", "b")]
    [InlineData("validate", "workflows", "--lang", "en")]
    [InlineData("validate", "workflows", "--verbose")]
    [InlineData("simulate", "workflows", "general-civil")]
    [InlineData("mermaid", "workflows", "general-civil", "--lang")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }
}
