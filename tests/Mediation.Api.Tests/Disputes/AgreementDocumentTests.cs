using Mediation.Api.Disputes.Actions;
using Mediation.Api.Web.Workbench;

namespace Mediation.Api.Tests.Disputes;

public sealed class AgreementDocumentTests
{
    [Fact]
    public void The_printed_parts_are_the_fields_the_mediator_entered()
    {
        var request = new AgreementRequest
        {
            Facts = "申请人与被申请人系上下楼邻居。\n被申请人装修至晚间。",
            MattersInDispute = "施工时间及损失",
            Responsibility = "被申请人负主要责任",
            Terms = "被申请人赔偿1500元",
            Performance = "银行转账",
            PerformBy = new DateOnly(2026, 3, 31),
        };
        var validation = new ActionValidation(new ApiText());
        var (facts, terms) = AgreementContent.Read(request, validation);
        Assert.True(validation.IsValid);

        var document = AgreementDocument.Parse(facts, terms);

        Assert.Equal(new AgreementDocument("申请人与被申请人系上下楼邻居。\n被申请人装修至晚间。", "施工时间及损失", "被申请人负主要责任", "被申请人赔偿1500元", "银行转账", "2026-03-31"), document);
    }

    [Fact]
    public void Text_without_the_labels_is_kept_whole()
    {
        var document = AgreementDocument.Parse("双方当场达成协议", "归还农机具");

        Assert.Equal(new AgreementDocument("双方当场达成协议", null, null, "归还农机具", null, null), document);
    }

    private sealed class ApiText : Microsoft.Extensions.Localization.IStringLocalizer<Mediation.Api.ApiMessages>
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);

        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
