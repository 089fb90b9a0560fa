using System.Net;
using System.Text.Json;
using static Mediation.Api.Tests.Organisations.OrganisationTestSupport;

namespace Mediation.Api.Tests.Disputes;

/// <summary><c>/api/disputes/{id}/rating</c>: a party rates the service once after the case closed (满意度评价).</summary>
public sealed class RatingTests(MediationApiFactory factory) : IClassFixture<MediationApiFactory>
{
    [Fact]
    public async Task AParty_RatesAClosedCaseOnce_AndSeesTheirRating()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);

        var open = await ExpectProblemAsync(HttpStatusCode.Conflict, resident, HttpMethod.Post, $"/api/disputes/{id}/rating", new { score = 5 });
        Assert.Equal("案件办结后才能评价。", open.GetProperty("detail").GetString());
        Assert.False((await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Get, $"/api/disputes/{id}/rating")).GetProperty("canRate").GetBoolean());

        await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Post, $"/api/disputes/{id}/withdraw", new { reason = "已自行和解" });
        var before = await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Get, $"/api/disputes/{id}/rating");
        Assert.True(before.GetProperty("canRate").GetBoolean());
        Assert.Empty(before.GetProperty("ratings").EnumerateArray());

        var rated = await ExpectAsync(HttpStatusCode.Created, resident, HttpMethod.Post, $"/api/disputes/{id}/rating", new { score = 4, comment = "  调解员很耐心  " });
        Assert.Equal(4, rated.GetProperty("score").GetInt32());
        Assert.Equal("调解员很耐心", rated.GetProperty("comment").GetString());

        var again = await ExpectProblemAsync(HttpStatusCode.Conflict, resident, HttpMethod.Post, $"/api/disputes/{id}/rating", new { score = 1 }, language: "en");
        Assert.Equal("You have already rated this case; each party rates once.", again.GetProperty("detail").GetString());

        var after = await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Get, $"/api/disputes/{id}/rating");
        Assert.False(after.GetProperty("canRate").GetBoolean());
        var mine = Assert.Single(after.GetProperty("ratings").EnumerateArray());
        Assert.Equal(4, mine.GetProperty("score").GetInt32());
        Assert.True(mine.GetProperty("mine").GetBoolean());
    }

    [Fact]
    public async Task Score_AndComment_AreValidatedFieldByField()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        var id = await FileDisputeAsync(resident);
        await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Post, $"/api/disputes/{id}/withdraw", new { reason = "已自行和解" });

        var outOfRange = await ExpectProblemAsync(HttpStatusCode.BadRequest, resident, HttpMethod.Post, $"/api/disputes/{id}/rating",
            new { score = 6, comment = new string('很', 1001) });
        Assert.Equal("评分须为 1 到 5 之间的整数。", FieldError(outOfRange, "score"));
        Assert.Equal("不能超过 1000 个字符。", FieldError(outOfRange, "comment"));

        var missing = await ExpectProblemAsync(HttpStatusCode.BadRequest, resident, HttpMethod.Post, $"/api/disputes/{id}/rating", new { comment = "好" }, language: "en");
        Assert.Equal("This field is required.", FieldError(missing, "score"));

        // Nothing was stored by the refused attempts.
        var ratings = await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Get, $"/api/disputes/{id}/rating");
        Assert.Empty(ratings.GetProperty("ratings").EnumerateArray());
    }

    [Fact]
    public async Task OnlyParties_Rate_StaffReadEveryRating_StrangersSeeNothing()
    {
        using var resident = await factory.CreateClientForAsync("resident1");
        using var stranger = await factory.CreateClientForAsync("resident2");
        using var mediator = await factory.CreateClientForAsync("mediator-150302001001");
        var id = await FileDisputeAsync(resident);
        await ExpectAsync(HttpStatusCode.OK, resident, HttpMethod.Post, $"/api/disputes/{id}/withdraw", new { reason = "已自行和解" });

        await ExpectProblemAsync(HttpStatusCode.NotFound, stranger, HttpMethod.Post, $"/api/disputes/{id}/rating", new { score = 5 });
        await ExpectProblemAsync(HttpStatusCode.NotFound, stranger, HttpMethod.Get, $"/api/disputes/{id}/rating");
        var forbidden = await ExpectProblemAsync(HttpStatusCode.Forbidden, mediator, HttpMethod.Post, $"/api/disputes/{id}/rating", new { score = 5 });
        Assert.Equal("只有案件当事人可以评价调解服务。", forbidden.GetProperty("detail").GetString());

        await ExpectAsync(HttpStatusCode.Created, resident, HttpMethod.Post, $"/api/disputes/{id}/rating", new { score = 2, comment = "等待时间太长" });
        var seen = await ExpectAsync(HttpStatusCode.OK, mediator, HttpMethod.Get, $"/api/disputes/{id}/rating");
        Assert.False(seen.GetProperty("canRate").GetBoolean());
        var rating = Assert.Single(seen.GetProperty("ratings").EnumerateArray());
        Assert.Equal(2, rating.GetProperty("score").GetInt32());
        Assert.False(rating.GetProperty("mine").GetBoolean());
        Assert.False(rating.TryGetProperty("userId", out JsonElement _));
    }
}
