using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Mediation.Api.Notifications;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Tests.Notifications;

/// <summary>Notification templates: a default for every template, administrators' edits checked and used.</summary>
public sealed class TemplateTests : IDisposable
{
    private readonly HttpStandIn _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public void EveryEngineTemplate_HasAShippedDefault_ThatPassesTheCheck()
    {
        var engineTemplates = typeof(NotificationTemplates).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Append(NotificationTexts.AgreementRejected)
            .ToList();

        Assert.NotEmpty(engineTemplates);
        Assert.All(engineTemplates, key => Assert.True(NotificationTexts.Defaults.ContainsKey(key), $"no default text for {key}"));
        Assert.All(NotificationTexts.Defaults, pair => Assert.Empty(NotificationTexts.Check(pair.Value)));
    }

    [Theory]
    [InlineData("纠纷{reference}已受理", new string[0])]
    [InlineData("", new[] { "TemplateEmpty" })]
    [InlineData("纠纷{caseNumber}已受理", new[] { "TemplatePlaceholderUnknown" })]
    [InlineData("纠纷{reference已受理", new[] { "TemplateBraceUnclosed" })]
    [InlineData("纠纷reference}已受理", new[] { "TemplateBraceUnopened" })]
    [InlineData("纠纷{{reference}}已受理", new[] { "TemplateBraceUnclosed", "TemplateBraceUnopened" })]
    public void Check_ReportsEachProblem(string text, string[] codes)
    {
        Assert.Equal(codes, NotificationTexts.Check(text).Select(p => p.Code));
    }

    [Fact]
    public void Render_FillsPlaceholders_MissingValuesAsDash()
    {
        var text = NotificationTexts.Render("纠纷{reference}由{mediator}受理，期限{deadline}", new Dictionary<string, string?>
        {
            ["reference"] = "MT-2026-000001",
            ["deadline"] = NotificationTexts.FormatDeadline(new DateTimeOffset(2026, 3, 5, 16, 0, 0, TimeSpan.Zero)),
        });

        Assert.Equal("纠纷MT-2026-000001由—受理，期限2026年3月5日 24:00", text);
    }

    [Fact]
    public async Task AdministratorEditsTemplate_InvalidRefusedFieldByField_ValidUsedForNewMessages()
    {
        using var host = new MessagingHost(_gateway);
        using var admin = await host.CreateClientForAsync("admin");

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/templates");
        Assert.Equal(NotificationTexts.Defaults.Count, list.GetArrayLength());
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("key").GetString() == "hotline.accepted");

        using var unknown = await admin.PutAsJsonAsync("/api/notifications/templates/case.queued", new { text = "纠纷{caseNo}已分派，{deadline" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.StartsWith("未知的占位符 {caseNo}", errors[0].GetString(), StringComparison.Ordinal);

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var english = await admin.PutAsJsonAsync("/api/notifications/templates/case.queued", new { text = "{nope}" });
        var englishError = (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString();
        Assert.StartsWith("Unknown placeholder {nope}; the placeholders are: {deadline}", englishError, StringComparison.Ordinal);

        using var missing = await admin.PutAsJsonAsync("/api/notifications/templates/no.such.template", new { text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var ok = await admin.PutAsJsonAsync("/api/notifications/templates/case.queued", new { text = "【测试】纠纷{reference}到{organisation}" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(saved.GetProperty("customised").GetBoolean());

        var id = await host.FileAsync();
        await host.RoundAsync();

        var reference = await host.DbAsync(db => Task.FromResult(db.Disputes.Single(d => d.Id == id).Reference));
        var texts = _gateway.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Equal($"【测试】纠纷{reference}到新华第1社区", t));
    }
}
