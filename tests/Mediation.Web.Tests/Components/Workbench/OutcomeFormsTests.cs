using Bunit;
using Mediation.Api.Components.Workbench;
using Mediation.Api.Web.Workbench;

namespace Mediation.Web.Tests.Components.Workbench;

public sealed class OutcomeFormsTests : ComponentTestContext
{
    private static readonly string[] Permitted = ["pause", "fail", "escalate", "agreement", "oral-agreement", "confirm", "recusal"];
    private static readonly string[] Awaiting = ["seal", "8d0c3f5e-0000-0000-0000-000000000001"];
    private static readonly string[] Decline = ["decline"];

    [Fact]
    public void The_written_agreement_form_has_every_Art_29_field_and_shows_the_APIs_message_under_each()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["facts"] = ["此项为必填项。"],
            ["performBy"] = ["请填写履行期限。"],
            ["signatures[0].signer"] = ["签名人不属于本案。"],
        };

        var form = Render<WrittenAgreementForm>(p => p.Add(c => c.Model, new AgreementFormModel { Terms = "赔偿1500元" }).Add(c => c.Errors, errors));

        foreach (var field in new[] { "facts", "matters", "responsibility", "terms", "performance", "perform-by", "mediator-signed", "sealed" })
        {
            Assert.Single(form.FindAll($"[data-testid=agreement-{field}]"));
        }

        Assert.Equal("赔偿1500元", form.Find("[data-testid=agreement-terms]").GetAttribute("value"));
        Assert.Equal("date", form.Find("[data-testid=agreement-perform-by]").GetAttribute("type"));
        var factsField = form.Find("[data-testid=agreement-facts]").ParentElement!;
        Assert.Equal("此项为必填项。", factsField.QuerySelector("[data-testid=error-facts]")!.TextContent);
        var performByField = form.Find("[data-testid=agreement-perform-by]").ParentElement!;
        Assert.Equal("请填写履行期限。", performByField.QuerySelector("[data-testid=error-performBy]")!.TextContent);
        Assert.Equal("签名人不属于本案。", form.Find("[data-testid=error-signatures]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=error-terms]"));
        Assert.Equal("基本事实", factsField.QuerySelector("span")!.TextContent);
    }

    [Fact]
    public void Without_errors_no_messages_are_shown()
    {
        var form = Render<WrittenAgreementForm>(p => p.Add(c => c.Model, new AgreementFormModel()));

        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void The_oral_agreement_and_session_forms_show_field_messages_too()
    {
        var oral = Render<OralAgreementForm>(p => p.Add(c => c.Model, new OralAgreementFormModel()).Add(c => c.Errors, new Dictionary<string, string[]> { ["content"] = ["此项为必填项。"] }));
        Assert.Equal("此项为必填项。", oral.Find("[data-testid=error-content]").TextContent);

        var session = Render<SessionForm>(p => p.Add(c => c.Model, new SessionFormModel()).Add(c => c.Errors, new Dictionary<string, string[]>
        {
            ["heldAt"] = ["调解时间不能晚于当前时间。"],
            ["place"] = ["此项为必填项。"],
        }));
        Assert.Equal("datetime-local", session.Find("[data-testid=session-held-at]").GetAttribute("type"));
        Assert.Equal("调解时间不能晚于当前时间。", session.Find("[data-testid=error-heldAt]").TextContent);
        Assert.Equal("此项为必填项。", session.Find("[data-testid=error-place]").TextContent);
        Assert.Empty(session.FindAll("[data-testid=error-result]"));
    }

    [Fact]
    public void The_action_panel_offers_exactly_the_permitted_actions()
    {
        var panel = Render<CaseActions>(p => p
            .Add(c => c.PermittedActions, Permitted)
            .Add(c => c.AwaitingSigners, Awaiting));

        var buttons = panel.FindAll("button[name=action]").Select(b => b.GetAttribute("value")!).ToArray();
        Assert.Equal(["pause", "escalate", "fail", "termination", "confirm-seal"], buttons);
        Assert.Equal("终止调解", panel.Find("[data-testid=action-termination]").TextContent);

        var none = Render<CaseActions>(p => p.Add(c => c.PermittedActions, Array.Empty<string>()));
        Assert.Empty(none.FindAll("button"));
        Assert.Equal("当前没有可执行的操作。", none.Find("[data-testid=actions-none]").TextContent);
    }

    [Fact]
    public void The_reason_error_shows_under_the_reason_box()
    {
        var panel = Render<CaseActions>(p => p
            .Add(c => c.PermittedActions, Decline)
            .Add(c => c.Errors, new Dictionary<string, string[]> { ["reason"] = ["请填写理由。"] }));

        Assert.Equal("请填写理由。", panel.Find("[data-testid=error-reason]").TextContent);
    }
}
