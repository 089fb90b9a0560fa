using Bunit;
using Mediation.Api.Components.Resident;
using Mediation.Workflows.Runtime;

namespace Mediation.Web.Tests.Components.Resident;

public sealed class FilingFormTests : ComponentTestContext
{
    private static readonly VillageOption[] Villages =
    [
        new("150302001001", "新华第1社区", "新华街道", "海勃湾区"),
        new("150302001002", "新华第2社区", "新华街道", "海勃湾区"),
        new("150303001001", "巴音第1村", "巴音陶亥镇", "海南区"),
    ];

    private IRenderedComponent<FilingForm> RenderForm(IReadOnlyDictionary<string, string[]>? errors = null, FilingInput? model = null) =>
        Render<FilingForm>(p => p
            .Add(f => f.Model, model ?? new FilingInput { IdempotencyKey = "k1" })
            .Add(f => f.Villages, Villages)
            .Add(f => f.Errors, errors ?? new Dictionary<string, string[]>()));

    [Fact]
    public void The_form_has_the_plain_steps_in_order_and_posts_multipart_with_the_idempotency_key()
    {
        var form = RenderForm();

        var sections = form.FindAll("fieldset.resident-section").Select(s => s.GetAttribute("data-testid") ?? string.Empty).ToArray();
        Assert.Equal(["section-category", "section-location", "section-applicant", "section-respondent", "section-facts", "section-evidence", "section-mediation", "section-notice"], sections);
        Assert.Equal(["1. 纠纷类型", "2. 纠纷发生地", "3. 申请人（您本人）", "4. 对方当事人", "5. 纠纷经过和请求", "6. 证据材料（可选）", "7. 调解方式", "8. 当事人权利义务告知"],
            form.FindAll("fieldset.resident-section > legend").Select(l => l.TextContent).ToArray());
        var element = form.Find("form");
        Assert.Equal("multipart/form-data", element.GetAttribute("enctype"));
        Assert.Equal("k1", form.Find("input[name='Model.IdempotencyKey']").GetAttribute("value"));
        // The attachment endpoint's handler reads the file posted as "file".
        Assert.Equal("file", form.Find("[data-testid=evidence]").GetAttribute("name"));
        Assert.Empty(form.FindAll("[data-testid=filing-errors]"));
    }

    [Fact]
    public void Every_category_the_workflows_route_on_is_offered_with_a_short_explanation()
    {
        var form = RenderForm();

        Assert.Equal(DisputeCategories.All.Order(StringComparer.Ordinal), FilingForm.Categories.Order(StringComparer.Ordinal));
        foreach (var category in FilingForm.Categories)
        {
            var choice = form.Find($"[data-testid=category-{category}]");
            Assert.Equal(category, choice.QuerySelector("input[type=radio]")!.GetAttribute("value"));
            Assert.Equal("Model.Category", choice.QuerySelector("input[type=radio]")!.GetAttribute("name"));
            Assert.False(string.IsNullOrWhiteSpace(form.Find($"[data-testid=category-help-{category}]").TextContent), category);
        }

        Assert.Equal("医疗纠纷", form.Find("[data-testid=category-medical] strong").TextContent);
        Assert.Contains("30 个工作日", form.Find("[data-testid=category-help-medical]").TextContent, StringComparison.Ordinal);
        Assert.Contains("劳动仲裁", form.Find("[data-testid=category-help-labour]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Villages_are_picked_grouped_by_district_and_township()
    {
        var form = RenderForm(model: new FilingInput { LocationCode = "150302001002" });

        var select = form.Find("select[data-testid=location]");
        Assert.Equal("Model.LocationCode", select.GetAttribute("name"));
        var groups = select.QuerySelectorAll("optgroup");
        Assert.Equal(["海勃湾区 · 新华街道", "海南区 · 巴音陶亥镇"], groups.Select(g => g.GetAttribute("label") ?? string.Empty).ToArray());
        Assert.Equal(["150302001001", "150302001002"], groups[0].QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? string.Empty).ToArray());
        Assert.Equal("新华第2社区", select.QuerySelector("option[selected]")?.TextContent ?? select.QuerySelectorAll("option").Single(o => ((AngleSharp.Html.Dom.IHtmlOptionElement)o).IsSelected).TextContent);
        Assert.Equal("请选择村（社区）", select.QuerySelector("option[value='']")!.TextContent);
    }

    [Fact]
    public void Choosing_a_district_and_a_township_narrows_the_next_lists()
    {
        var all = RenderForm();
        Assert.Equal(["", "150302", "150303"], all.FindAll("[data-testid=district] option").Select(o => o.GetAttribute("value") ?? string.Empty).ToArray());
        Assert.Equal(["", "150302001", "150303001"], all.FindAll("[data-testid=township] option").Select(o => o.GetAttribute("value") ?? string.Empty).ToArray());
        Assert.Equal("locate", all.Find("[data-testid=locate]").GetAttribute("value"));
        Assert.Equal("Model.Intent", all.Find("[data-testid=locate]").GetAttribute("name"));

        var district = RenderForm(model: new FilingInput { District = "150303" });
        Assert.Equal(["", "150303001"], district.FindAll("[data-testid=township] option").Select(o => o.GetAttribute("value") ?? string.Empty).ToArray());
        Assert.Equal(["", "150303001001"], district.FindAll("[data-testid=location] option").Select(o => o.GetAttribute("value") ?? string.Empty).ToArray());
        Assert.True(district.Find("[data-testid=district] option[value='150303']").HasAttribute("selected"));

        var township = RenderForm(model: new FilingInput { District = "150302", Township = "150302001" });
        Assert.Equal(["", "150302001001", "150302001002"], township.FindAll("[data-testid=location] option").Select(o => o.GetAttribute("value") ?? string.Empty).ToArray());
    }

    [Theory]
    [InlineData("150303", "150302001", "150302001001", null, null)]
    [InlineData("150302", "150302001", "150303001001", "150302001", null)]
    [InlineData("150302", "150302001", "150302001002", "150302001", "150302001002")]
    public void A_narrowing_post_drops_choices_outside_the_chosen_area(string district, string township, string village, string? keptTownship, string? keptVillage)
    {
        var input = new FilingInput { District = district, Township = township, LocationCode = village };

        input.KeepLocationConsistent();

        Assert.Equal(keptTownship, input.Township);
        Assert.Equal(keptVillage, input.LocationCode);
    }

    [Fact]
    public void Validation_messages_are_shown_at_their_fields_and_the_rest_at_the_top()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["category"] = ["必须填写。"],
            ["locationCode"] = ["找不到村（社区）“999”。"],
            ["respondents[0].name"] = ["必须填写。"],
            ["respondents[0].phone"] = ["手机号码格式不正确"],
            ["claimedAmount"] = ["请输入金额"],
            ["consentToNotice"] = ["请先阅读并同意"],
            ["Idempotency-Key"] = ["键无效"],
        };

        var form = RenderForm(errors);

        Assert.NotNull(form.Find("[data-testid=filing-errors]"));
        Assert.Equal("必须填写。", form.Find("[data-testid=section-category] [data-testid=error-category]").TextContent);
        Assert.Contains("999", form.Find("[data-testid=section-location] [data-testid=error-locationCode]").TextContent, StringComparison.Ordinal);
        Assert.Equal("必须填写。", form.Find("[data-testid=section-respondent] [data-testid=error-respondents-0-name]").TextContent);
        Assert.Equal("手机号码格式不正确", form.Find("[data-testid=section-respondent] [data-testid=error-respondents-0-phone]").TextContent);
        Assert.Equal("请输入金额", form.Find("[data-testid=section-facts] [data-testid=error-claimedAmount]").TextContent);
        Assert.Equal("请先阅读并同意", form.Find("[data-testid=section-notice] [data-testid=error-consentToNotice]").TextContent);
        // A problem no field shows is listed under the summary instead of being lost.
        Assert.Equal("键无效", form.Find("[data-testid=error-Idempotency-Key]").TextContent);
        Assert.Empty(form.FindAll("[data-testid=section-applicant] .validation-message"));
    }

    [Fact]
    public void The_notice_of_rights_and_duties_quotes_articles_23_and_24_and_needs_consent()
    {
        var form = RenderForm();

        var notice = form.Find("[data-testid=notice]").TextContent;
        Assert.Contains("第二十三条", notice, StringComparison.Ordinal);
        Assert.Contains("选择或者接受人民调解员", notice, StringComparison.Ordinal);
        Assert.Contains("第二十四条", notice, StringComparison.Ordinal);
        Assert.Contains("如实陈述纠纷事实", notice, StringComparison.Ordinal);
        var consent = form.Find("[data-testid=consent]");
        Assert.Equal("checkbox", consent.GetAttribute("type"));
        Assert.Equal("Model.ConsentToNotice", consent.GetAttribute("name"));
        Assert.Equal(["False", "True"], form.FindAll("[data-testid=section-mediation] input[type=radio]").Select(r => r.GetAttribute("value") ?? string.Empty).ToArray());
    }

    [Theory]
    [InlineData("18000", true, 18000d)]
    [InlineData(" 1,500.50 ", true, 1500.50)]
    [InlineData("", true, null)]
    [InlineData("两千", false, null)]
    public void The_claimed_amount_is_parsed_or_refused(string typed, bool valid, double? expected)
    {
        var input = new FilingInput { ClaimedAmount = typed };

        Assert.Equal(valid, input.TryParseAmount(out var amount));
        Assert.Equal(expected is null ? null : (decimal)expected.Value, amount);
    }
}

public sealed class FilingFormInEnglishTests() : ComponentTestContext("en")
{
    [Fact]
    public void The_steps_and_categories_are_in_English()
    {
        var form = Render<FilingForm>(p => p.Add(f => f.Model, new FilingInput()).Add(f => f.Villages, []));

        Assert.Equal("1. Kind of dispute", form.Find("[data-testid=section-category] legend").TextContent);
        Assert.Equal("Medical", form.Find("[data-testid=category-medical] strong").TextContent);
        Assert.Contains("Art. 23", form.Find("[data-testid=notice]").TextContent, StringComparison.Ordinal);
    }
}
