using System.Net;
using System.Text.Json;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Disputes.Actions;

/// <summary>
/// Who may take each action (403; 404 when the case is not even visible) and when the workflow refuses it (409 with the
/// engine's message) — never a silent no-op. The clock does not move here, so one host serves every test.
/// </summary>
public sealed class CaseLifeRulesTests(CaseLifeHost host) : IClassFixture<CaseLifeHost>
{
    private static readonly object Reason = new { reason = "说明理由" };
    private static readonly string[] BothParties = ["applicant", "respondent"];
    private static readonly string[] ApplicantOnly = ["applicant"];
    private static readonly string[] AllParties = ["allParties"];
    private static readonly string[] Unknown = ["neighbour"];
    private static readonly object Extension = new { duration = "P10D", consents = BothParties };

    public static TheoryData<string, string, object?> ForbiddenOnAQueuedCase => new()
    {
        { Applicant, "take-up", null },
        { DistrictAdmin, "take-up", null },
        { Applicant, "decline", Reason },
        { Applicant, "flag-risk", Reason },
        { Applicant, "pause", Reason },
        { Applicant, "resume", null },
        { Applicant, "request-extension", Extension },
        { Applicant, "extend", Extension },
        { Applicant, "fail", Reason },
        { Applicant, "termination", Reason },
        { Applicant, "agreement", CaseLifeTests.Agreement() },
        { Applicant, "oral-agreement", new { content = "口头协议" } },
        { Applicant, "performed", null },
        { Applicant, "follow-up-visit", null },
        { Applicant, "agreement-effective", null },
        { Applicant, "consent", null },
        { Applicant, "refuse-consent", null },
        { DistrictAdmin, "confirm", null },
        { DistrictAdmin, "performance-failed", Reason },
        { Respondent, "withdraw", null },
        { DistrictAdmin, "escalate", Reason },
        { VillageMediator, "reject-agreement", null },
        { VillageMediator, "recusal", Reason },
        { "admin", "pause", Reason },
    };

    [Theory]
    [MemberData(nameof(ForbiddenOnAQueuedCase))]
    public async Task Action_WrongRoleOrRelationship_Returns403Problem(string user, string action, object? body)
    {
        var id = await host.FileAsync();

        var (status, problem) = await host.PostAsync(user, id, action, body, "en");

        Assert.True(status == HttpStatusCode.Forbidden, $"{user} {action}: {(int)status} {problem}");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        await AssertUnchangedAsync(id, "queued");
    }

    [Theory]
    [InlineData(TownshipMediator, "take-up")]
    [InlineData(MedicalMediator, "take-up")]
    [InlineData(DistrictMediator, "decline")]
    [InlineData("orgadmin-150303", "withdraw")]
    public async Task Action_CaseOfAnotherOrganisation_Returns404(string user, string action)
    {
        var id = await host.FileAsync();

        var (status, _) = await host.PostAsync(user, id, action, Reason);

        Assert.Equal(HttpStatusCode.NotFound, status);
        await AssertUnchangedAsync(id, "queued");
    }

    public static TheoryData<string, string, object?> NotAllowedOnAQueuedCase => new()
    {
        { VillageMediator, "pause", Reason },
        { VillageMediator, "resume", null },
        { VillageMediator, "request-extension", Extension },
        { VillageMediator, "fail", Reason },
        { VillageMediator, "termination", Reason },
        { VillageMediator, "agreement", CaseLifeTests.Agreement() },
        { VillageMediator, "oral-agreement", new { content = "口头协议" } },
        { VillageMediator, "performed", null },
        { VillageMediator, "follow-up-visit", null },
        { VillageMediator, "consent", null },
        { VillageMediator, "refuse-consent", null },
        { Applicant, "performance-failed", Reason },
        { Applicant, "confirm", null },
        { VillageMediator, "agreement-effective", null },
        { Applicant, "reject-agreement", null },
        { Applicant, "recusal", Reason },
    };

    [Theory]
    [MemberData(nameof(NotAllowedOnAQueuedCase))]
    public async Task Action_NotAllowedInTheCurrentStep_Returns409Problem(string user, string action, object? body)
    {
        var id = await host.FileAsync();

        var (status, problem) = await host.PostAsync(user, id, action, body, "en");

        Assert.True(status == HttpStatusCode.Conflict, $"{user} {action}: {(int)status} {problem}");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
        await AssertUnchangedAsync(id, "queued");
    }

    [Theory]
    [InlineData("en", "'clockPaused' is not allowed in step 'village'")]
    [InlineData("zh-CN", "在步骤“village”（queued）中不允许“clockPaused”")]
    public async Task Pause_QueuedCase_Returns409WithTheEnginesMessageInTheCallersLanguage(string language, string expected)
    {
        var id = await host.FileAsync();

        var (status, problem) = await host.PostAsync(VillageMediator, id, "pause", Reason, language);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("EventNotPermitted", problem.GetProperty("code").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionsInMediation_EngineDecides_TakeUpTwiceDeclineAndPauseAreRefused()
    {
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");

        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "take-up")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "decline", Reason)).Status);

        // General civil mediation has no pausable clock; only the medical committee's pauses for appraisal.
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "pause", Reason)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "performed")).Status);
        await AssertUnchangedAsync(id, "inMediation");
    }

    [Fact]
    public async Task RequestExtension_EngineChecksConsentsAndTimes()
    {
        var id = await host.FileAsync();
        var takenUp = await host.ActAsync(VillageMediator, id, "take-up");
        var before = Assert.Single(CaseLifeTests.Deadlines(takenUp), d => d.Kind == "resolution").DueAt;

        // The definition asks for both parties' consent and allows one extension of at most 15 days.
        var (missing, problem) = await host.PostAsync(VillageMediator, id, "request-extension", new { duration = "P10D", consents = ApplicantOnly }, "en");
        Assert.Equal(HttpStatusCode.Conflict, missing);
        Assert.Contains("'extensionGranted' is not allowed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "request-extension", new { duration = "P20D", consents = AllParties })).Status);

        var extended = await host.ActAsync(VillageMediator, id, "request-extension", Extension);
        Assert.Equal(before.AddDays(10), Assert.Single(CaseLifeTests.Deadlines(extended), d => d.Kind == "resolution").DueAt);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "extend", Extension)).Status);

        var (bad, errors) = await host.PostAsync(VillageMediator, id, "request-extension", new { duration = "ten days", consents = Unknown }, "en");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(errors.GetProperty("errors").TryGetProperty("duration", out _));
        Assert.True(errors.GetProperty("errors").TryGetProperty("consents[0]", out _));
    }

    [Fact]
    public async Task Escalate_ByTheRespondent_MovesToTheTownship_AndTheVillageCanNoLongerAct()
    {
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");

        var escalated = await host.ActAsync(Respondent, id, "escalate", new { reason = "希望由街道调解" });

        Assert.Equal("township", escalated.GetProperty("step").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, escalated.GetProperty("mediator").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(VillageMediator, id, "fail", Reason)).Status);
    }

    [Fact]
    public async Task Escalate_MedicalWorkflowHasNoHigherTier_Returns409()
    {
        var id = await host.FileAsync("medical");
        await host.ActAsync(Respondent, id, "consent");

        var (status, problem) = await host.PostAsync(Applicant, id, "escalate", Reason, "en");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("'escalationRequested' is not allowed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ByTheApplicant_ClosesTheCase_AfterwardsEveryActionIs409()
    {
        var id = await host.FileAsync();
        var withdrawn = await host.ActAsync(Applicant, id, "withdraw", new { reason = "双方已自行和解" });
        Assert.Equal("closed", withdrawn.GetProperty("status").GetString());
        var record = Assert.Single((await host.OutcomesAsync(id, Applicant)).EnumerateArray());
        Assert.Equal("withdrawal", record.GetProperty("kind").GetString());

        var (status, problem) = await host.PostAsync(VillageMediator, id, "take-up", null, "en");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("CaseClosed", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "withdraw")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "recusal", Reason)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(VillageMediator, id, "flag-risk", Reason)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await host.PostAsync(Applicant, id, "escalate", Reason)).Status);
    }

    [Fact]
    public async Task Withdraw_ByStaffOnTheApplicantsBehalf_IsAllowed()
    {
        var id = await host.FileAsync();

        var withdrawn = await host.ActAsync(VillageMediator, id, "withdraw", new { reason = "申请人电话告知撤回" });

        Assert.Equal("withdrawn", withdrawn.GetProperty("step").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("decline", "reason")]
    [InlineData("fail", "reason")]
    [InlineData("flag-risk", "reason")]
    [InlineData("agreement", "facts")]
    [InlineData("oral-agreement", "content")]
    public async Task Action_MissingRequiredContent_Returns400ValidationProblem(string action, string field)
    {
        var id = await host.FileAsync();

        var (status, problem) = await host.PostAsync(VillageMediator, id, action, new { }, "en");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["This field is required."], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task Decline_ByTheVillage_ReassignsOnce_AndFlagRiskNotifiesTheOrganisation()
    {
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "flag-risk", new { reason = "当事人情绪激动，有激化风险" });
        Assert.Contains(await host.OutboxAsync(id), m => m.Template == "case.riskFlagged" && m.Audience == "Organisation");

        var declined = await host.ActAsync(VillageMediator, id, "decline", new { reason = "调解员与当事人有利害关系" });

        Assert.Equal("village", declined.GetProperty("step").GetProperty("id").GetString());
        Assert.Contains(await host.TimelineEventsAsync(id), e => e == "declined");
    }

    private async Task AssertUnchangedAsync(Guid id, string phase)
    {
        var dispute = await host.DisputeAsync(id);
        Assert.Equal(phase, dispute.GetProperty("phase").GetString());
    }
}
