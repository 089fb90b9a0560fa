using Bunit;
using Mediation.Api.Components.Designer;
using Mediation.Api.Web.Designer;

namespace Mediation.Web.Tests.Components.Designer;

/// <summary>The canvas component: the palette it renders, what it asks the JS canvas to draw, and the gestures it passes on.</summary>
public sealed class DesignerCanvasTests : ComponentTestContext
{
    private static readonly CanvasModel Model = new(
        [new CanvasNode("village", "mediation", "村（社区）调解", "调解", 40, 40), new CanvasNode("closed", "terminal", "结案", "结案", 40, 200)],
        [new CanvasEdge("village/0", "village", "closed", "agreementReached", null, null, "达成协议")]);

    private static bool IsDesignerModule(JSRuntimeInvocation invocation) =>
        invocation.Arguments.Count > 0 && invocation.Arguments[0] is string url && url.Contains("js/designer", StringComparison.Ordinal);

    [Fact]
    public void The_palette_offers_every_step_kind_and_the_model_is_drawn()
    {
        var module = JSInterop.SetupModule(IsDesignerModule);
        var graph = module.SetupModule("create", _ => true);
        graph.Mode = JSRuntimeMode.Loose;

        var canvas = Render<DesignerCanvas>(p => p.Add(c => c.Model, Model));

        Assert.Equal(["mediation", "followUp", "terminal"], canvas.FindAll("[data-palette-kind]").Select(e => e.GetAttribute("data-palette-kind")));
        Assert.Equal("履行回访", canvas.Find("[data-testid=palette-followUp]").TextContent.Trim());
        Assert.Single(module.Invocations["create"]);
        var render = Assert.Single(graph.Invocations["render"]);
        Assert.Same(Model, render.Arguments[0]);
        Assert.Single(graph.Invocations["zoomToFit"]);
    }

    [Fact]
    public async Task Gestures_on_the_canvas_reach_the_page()
    {
        JSInterop.SetupModule(IsDesignerModule);
        CanvasDrop? dropped = null;
        (string, string)? connected = null;
        CanvasDrop? moved = null;
        string? selected = null;
        var undone = 0;
        var canvas = Render<DesignerCanvas>(p => p
            .Add(c => c.Model, Model)
            .Add(c => c.OnAddStep, d => dropped = d)
            .Add(c => c.OnConnect, c => connected = c)
            .Add(c => c.OnMove, d => moved = d)
            .Add(c => c.OnSelectStep, s => selected = s)
            .Add(c => c.OnUndo, () => undone++));

        await canvas.InvokeAsync(() => canvas.Instance.AddStep("terminal", 120, 300));
        await canvas.InvokeAsync(() => canvas.Instance.Connect("village", "closed"));
        await canvas.InvokeAsync(() => canvas.Instance.NodeMoved("closed", 60, 260));
        await canvas.InvokeAsync(() => canvas.Instance.SelectStep("village"));
        await canvas.InvokeAsync(() => canvas.Instance.Undo());

        Assert.Equal(new CanvasDrop("terminal", 120, 300), dropped);
        Assert.Equal(("village", "closed"), connected);
        Assert.Equal(new CanvasDrop("closed", 60, 260), moved);
        Assert.Equal("village", selected);
        Assert.Equal(1, undone);
    }
}
