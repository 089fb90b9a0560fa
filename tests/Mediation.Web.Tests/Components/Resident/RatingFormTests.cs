using Bunit;
using Mediation.Api.Components.Resident;

namespace Mediation.Web.Tests.Components.Resident;

public sealed class RatingFormTests : ComponentTestContext
{
    [Fact]
    public void Five_scores_and_a_comment_are_posted_under_the_page_model_names()
    {
        var form = Render<RatingForm>(p => p.Add(f => f.Rating, new RatingInput { Score = 4 }));

        var scores = form.FindAll("input[type=radio]");
        Assert.Equal(["1", "2", "3", "4", "5"], scores.Select(s => s.GetAttribute("value") ?? string.Empty).ToArray());
        Assert.All(scores, s => Assert.Equal("Rating.Score", s.GetAttribute("name")));
        Assert.True(scores[3].HasAttribute("checked"));
        Assert.Equal("1 很不满意", form.Find("[data-testid=score-1]").TextContent.Trim());
        Assert.Equal("5 很满意", form.Find("[data-testid=score-5]").TextContent.Trim());
        Assert.Equal("Rating.Comment", form.Find("[data-testid=rating-comment]").GetAttribute("name"));
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void The_APIs_field_errors_are_shown_at_score_and_comment()
    {
        var form = Render<RatingForm>(p => p
            .Add(f => f.Rating, new RatingInput())
            .Add(f => f.Errors, new Dictionary<string, string[]> { ["score"] = ["评分须为 1 到 5 之间的整数。"], ["comment"] = ["不能超过 1000 个字符。"] }));

        Assert.Equal("评分须为 1 到 5 之间的整数。", form.Find("[data-testid=error-score]").TextContent);
        Assert.Equal("不能超过 1000 个字符。", form.Find("[data-testid=error-comment]").TextContent);
    }
}
