using System.Text.Json.Nodes;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using static Mediation.Workflows.Tests.Validation.MinimalDefinition;

namespace Mediation.Workflows.Tests.Validation;

/// <summary>The designer's <c>layout</c> member: read strictly, kept on round-trip, ignored by the compiler.</summary>
public sealed class LayoutTests
{
    private static JsonObject WithLayout(JsonNode? nodes)
    {
        var definition = Create();
        definition["layout"] = new JsonObject { ["nodes"] = nodes };
        return definition;
    }

    private static JsonObject Positions(params (string Id, double X, double Y)[] nodes)
    {
        var result = new JsonObject();
        foreach (var (id, x, y) in nodes)
        {
            result[id] = new JsonObject { ["x"] = x, ["y"] = y };
        }

        return result;
    }

    [Fact]
    public void Parse_Layout_ReadsEveryNodePosition()
    {
        var json = WithLayout(Positions(("village", 40, 120.5), ("closed", -10, 0))).ToJsonString();

        var parsed = WorkflowJson.Parse(json);

        Assert.Empty(parsed.Issues);
        var nodes = parsed.Definition!.Layout!.Nodes;
        Assert.Equal(new NodePosition { X = 40, Y = 120.5 }, nodes["village"]);
        Assert.Equal(new NodePosition { X = -10, Y = 0 }, nodes["closed"]);
        Assert.Equal(2, nodes.Count);
    }

    [Fact]
    public void Serialize_Layout_RoundTripsUnchanged()
    {
        var parsed = WorkflowJson.Parse(WithLayout(Positions(("village", 40, 120.5), ("township", 300, 120))).ToJsonString()).Definition!;

        var written = WorkflowJson.Serialize(parsed);
        var again = WorkflowJson.Parse(written).Definition!;

        var layout = JsonNode.Parse(written)!["layout"]!;
        Assert.Equal(40, layout["nodes"]!["village"]!["x"]!.GetValue<double>());
        Assert.Equal(120.5, layout["nodes"]!["village"]!["y"]!.GetValue<double>());
        Assert.Equal(parsed.Layout!.Nodes.OrderBy(n => n.Key), again.Layout!.Nodes.OrderBy(n => n.Key));
        Assert.Equal(written, WorkflowJson.Serialize(again));
    }

    [Fact]
    public void Serialize_NoLayout_WritesNoLayoutMember()
    {
        var parsed = WorkflowJson.Parse(Create().ToJsonString()).Definition!;

        Assert.Null(parsed.Layout);
        Assert.Null(JsonNode.Parse(WorkflowJson.Serialize(parsed))!.AsObject()["layout"]);
    }

    [Theory]
    [InlineData("""{ "nodes": { "village": { "x": 1, "y": 2, "z": 3 } } }""", "$.layout.nodes.village.z")]
    [InlineData("""{ "nodes": { "village": { "x": "1", "y": 2 } } }""", "$.layout.nodes.village.x")]
    [InlineData("""{ "positions": {} }""", "$.layout.positions")]
    public void Parse_MalformedLayout_IsInvalidJsonAtItsPath(string layout, string path)
    {
        var definition = Create();
        definition["layout"] = JsonNode.Parse(layout);

        var parsed = WorkflowJson.Parse(definition.ToJsonString());

        Assert.Null(parsed.Definition);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal("InvalidJson", issue.Code);
        Assert.StartsWith(path, issue.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NodeWithoutY_IsInvalidJson()
    {
        var definition = Create();
        definition["layout"] = JsonNode.Parse("""{ "nodes": { "village": { "x": 1 } } }""");

        var parsed = WorkflowJson.Parse(definition.ToJsonString());

        Assert.Null(parsed.Definition);
        Assert.Equal("InvalidJson", Assert.Single(parsed.Issues).Code);
    }

    [Fact]
    public void Compile_Layout_IsIgnoredEvenForStepsThatDoNotExist()
    {
        var plain = Compile(Create());
        var drawn = Compile(WithLayout(Positions(("village", 40, 120), ("no-such-step", 1, 1))));

        Assert.True(drawn.IsValid);
        Assert.Equal(plain.Issues.Select(i => (i.Code, i.Path)), drawn.Issues.Select(i => (i.Code, i.Path)));
        Assert.Equal(
            plain.Workflow!.Steps.Select(s => s.Id),
            drawn.Workflow!.Steps.Select(s => s.Id));
        Assert.NotNull(drawn.Workflow.Definition.Layout);
    }
}
