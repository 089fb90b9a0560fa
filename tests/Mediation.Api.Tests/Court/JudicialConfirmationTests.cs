using System.Net;
using System.Text.Json;
using Mediation.Api.Court;
using Mediation.Api.Data.Entities;
using Mediation.Api.Tests.Disputes.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Mediation.Api.Tests.Disputes.Actions.CaseLifeHost;

namespace Mediation.Api.Tests.Court;

/// <summary>
/// Judicial confirmation through HTTP against a WireMock court platform: consents, the filing (request id = application
/// id), retries on 5xx bursts, timeouts and malformed replies, no retry on 4xx, the court's answer by polling, and a
/// restart in the middle of a submission that still files once.
/// </summary>
public sealed class JudicialConfirmationTests
{
    private static readonly string[] SubmittedEvents = ["judicialConfirmationSubmitted"];

    [Fact]
    public async Task BothPartiesConsent_FiledOnce_CourtAccepts_ThenConfirms_TimelineTellsTheStory()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        var id = await AgreementInForceAsync(host);

        var before = await host.GetAsync(Applicant, $"/api/disputes/{id}/judicial-confirmation");
        Assert.True(before.GetProperty("windowOpen").GetBoolean());
        Assert.Equal(CourtPlatformStub.CourtCode, before.GetProperty("court").GetProperty("code").GetString());
        Assert.Equal(CourtPlatformStub.CourtName, before.GetProperty("court").GetProperty("name").GetString());
        Assert.Equal("新华第1社区", before.GetProperty("mediationOrganisation").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("application").ValueKind);

        var first = await host.ActAsync(Applicant, id, "judicial-confirmation/consent");
        Assert.Equal("awaitingConsent", first.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal("王芳", Assert.Single(first.GetProperty("application").GetProperty("awaitingConsentOf").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(0, await RunWorkerAsync(host));
        Assert.Empty(court.Filings());

        var both = await host.ActAsync(Respondent, id, "judicial-confirmation/consent");
        var applicationId = both.GetProperty("application").GetProperty("id").GetGuid();
        Assert.Equal("queued", both.GetProperty("application").GetProperty("status").GetString());

        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { requestId = applicationId, status = "received" }));
        Assert.Equal(1, await RunWorkerAsync(host));

        var filing = Assert.Single(court.Filings());
        Assert.Equal(applicationId.ToString("D"), CourtPlatformStub.Header(filing, "Idempotency-Key"));
        Assert.Equal($"Bearer {CourtPlatformStub.ApiKey}", CourtPlatformStub.Header(filing, "Authorization"));
        var sent = JsonDocument.Parse(filing.RequestMessage!.Body!).RootElement;
        Assert.Equal(applicationId, sent.GetProperty("requestId").GetGuid());
        Assert.Equal(CourtPlatformStub.CourtCode, sent.GetProperty("courtCode").GetString());
        Assert.Equal("judicialConfirmation", sent.GetProperty("applicationType").GetString());
        Assert.Equal(["张伟", "王芳"], sent.GetProperty("applicants").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray());
        // The court needs the real identities: the filing is the one place they leave unmasked.
        Assert.Equal("150302198503141234", sent.GetProperty("applicants")[0].GetProperty("idNumber").GetString());
        Assert.Contains("1500元", sent.GetProperty("agreement").GetProperty("terms").GetString(), StringComparison.Ordinal);

        var submitted = await host.GetAsync(Applicant, $"/api/disputes/{id}/judicial-confirmation");
        Assert.Equal("submitted", submitted.GetProperty("application").GetProperty("status").GetString());

        // The court accepts (立案) with a case number, then confirms; the service learns both by polling.
        var statusPath = $"{CourtPlatformStub.FilingsPath}/{applicationId:D}";
        court.Server.Given(Request.Create().WithPath(statusPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { status = "accepted", caseNumber = "(2026)内0302民特12号" }));
        Assert.Equal(0, await RunWorkerAsync(host));
        await host.MoveToAsync(host.Now.AddHours(1).AddMinutes(1));
        Assert.Equal(1, await RunWorkerAsync(host));
        var accepted = (await host.GetAsync(Respondent, $"/api/disputes/{id}/judicial-confirmation")).GetProperty("application");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("(2026)内0302民特12号", accepted.GetProperty("courtCaseNumber").GetString());

        court.Server.Given(Request.Create().WithPath(statusPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { status = "confirmed", caseNumber = "(2026)内0302民特12号" }));
        await host.MoveToAsync(host.Now.AddHours(1).AddMinutes(1));
        Assert.Equal(1, await RunWorkerAsync(host));
        Assert.Equal("confirmed", (await host.GetAsync(Applicant, $"/api/disputes/{id}/judicial-confirmation")).GetProperty("application").GetProperty("status").GetString());
        await host.MoveToAsync(host.Now.AddHours(2));
        Assert.Equal(0, await RunWorkerAsync(host));

        Assert.Single(court.Filings());
        Assert.Equal(
            ["judicialConfirmationPrepared", "judicialConfirmationConsented", "judicialConfirmationConsented", "judicialConfirmationQueued",
             "judicialConfirmationSubmitted", "judicialConfirmationAccepted", "judicialConfirmationConfirmed"],
            (await host.TimelineEventsAsync(id)).Where(e => e.StartsWith("judicialConfirmation", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task FiveHundredBurst_Timeout_MalformedReply_RetriedWithTheSameRequestId_UntilFiledOnce()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court, timeout: TimeSpan.FromMilliseconds(500));
        var id = await AgreementInForceAsync(host);
        var applicationId = await BothConsentAsync(host, id);

        // 503, 500, a reply slower than Court:Timeout, a 200 that is not the platform's JSON, then a slow but timely 202.
        const string scenario = "flaky";
        var filings = court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario(scenario);
        filings.WillSetStateTo("500").RespondWith(Response.Create().WithStatusCode(503));
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario(scenario).WhenStateIs("500").WillSetStateTo("slow")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("upstream error"));
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario(scenario).WhenStateIs("slow").WillSetStateTo("malformed")
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "received" }).WithDelay(TimeSpan.FromSeconds(2)));
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario(scenario).WhenStateIs("malformed").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html>gateway</html>"));
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario(scenario).WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "received" }).WithDelay(TimeSpan.FromMilliseconds(150)));

        var errors = new List<string?>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(1, await RunWorkerAsync(host));
            var application = await ApplicationAsync(host, applicationId);
            Assert.Equal(JudicialConfirmationStatus.Queued, application.Status);
            Assert.Equal(attempt, application.Attempts);
            errors.Add(application.LastError);

            // Nothing is sent again before the back-off has passed.
            Assert.Equal(0, await RunWorkerAsync(host));
            await host.MoveToAsync(application.NextAttemptAt!.Value.AddSeconds(1));
        }

        Assert.Equal(["ServerError (HTTP 503)", "ServerError (HTTP 500)", "Timeout", "Malformed (HTTP 200)"], errors);
        Assert.Equal(1, await RunWorkerAsync(host));
        var filed = await ApplicationAsync(host, applicationId);
        Assert.Equal(JudicialConfirmationStatus.Submitted, filed.Status);
        Assert.Equal(5, filed.Attempts);
        Assert.Null(filed.LastError);

        // The platform logs the slow request once its (late) answer is written.
        await WaitUntilAsync(() => court.Filings().Count == 5);
        var requests = court.Filings();
        Assert.All(requests, r => Assert.Equal(applicationId.ToString("D"), CourtPlatformStub.Header(r, "Idempotency-Key")));
        Assert.Equal(SubmittedEvents, (await host.TimelineEventsAsync(id)).Where(e => e == "judicialConfirmationSubmitted").ToArray());
    }

    [Fact]
    public async Task PlatformRefusesWithA4xx_NotRetried_StaffSeeTheError_AndSendItAgain()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        var id = await AgreementInForceAsync(host);
        var applicationId = await BothConsentAsync(host, id);
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(422).WithBodyAsJson(new { error = "courtCode unknown" }));

        Assert.Equal(1, await RunWorkerAsync(host));
        await host.MoveToAsync(host.Now.AddDays(1));
        Assert.Equal(0, await RunWorkerAsync(host));

        Assert.Single(court.Filings());
        var application = await ApplicationAsync(host, applicationId);
        Assert.Equal(JudicialConfirmationStatus.SubmissionFailed, application.Status);
        Assert.Contains("judicialConfirmationSubmissionFailed", await host.TimelineEventsAsync(id));
        var staffView = (await host.GetAsync(VillageMediator, $"/api/disputes/{id}/judicial-confirmation")).GetProperty("application");
        Assert.Equal("Refused (HTTP 422)", staffView.GetProperty("lastError").GetString());
        var residentView = (await host.GetAsync(Applicant, $"/api/disputes/{id}/judicial-confirmation")).GetProperty("application");
        Assert.Equal(JsonValueKind.Null, residentView.GetProperty("lastError").ValueKind);

        // Once the refusal is sorted out, the handling staff send it again (same request id); residents cannot.
        var (residentResubmit, _) = await host.PostAsync(Applicant, id, "judicial-confirmation/resubmit");
        Assert.Equal(HttpStatusCode.Forbidden, residentResubmit);
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "received" }));
        var requeued = await host.ActAsync(VillageMediator, id, "judicial-confirmation/resubmit");
        Assert.Equal("queued", requeued.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal(1, await RunWorkerAsync(host));
        Assert.Equal(JudicialConfirmationStatus.Submitted, (await ApplicationAsync(host, applicationId)).Status);
        Assert.Equal(2, court.Filings().Count);
        Assert.All(court.Filings(), r => Assert.Equal(applicationId.ToString("D"), CourtPlatformStub.Header(r, "Idempotency-Key")));
        var (again, againBody) = await host.PostAsync(VillageMediator, id, "judicial-confirmation/resubmit");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("JudicialConfirmationNotFailed", againBody.GetProperty("code").GetString());
    }

    [Fact]
    public async Task CourtRejects_ReasonRecorded()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        var id = await AgreementInForceAsync(host);
        var applicationId = await BothConsentAsync(host, id);
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { status = "received" }));
        court.Server.Given(Request.Create().WithPath($"{CourtPlatformStub.FilingsPath}/{applicationId:D}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { status = "rejected", reason = "协议内容涉及不动产物权确认，不属于司法确认范围" }));

        await RunWorkerAsync(host);
        await host.MoveToAsync(host.Now.AddHours(2));
        await RunWorkerAsync(host);

        var view = (await host.GetAsync(Applicant, $"/api/disputes/{id}/judicial-confirmation")).GetProperty("application");
        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.Equal("协议内容涉及不动产物权确认，不属于司法确认范围", view.GetProperty("courtReason").GetString());
        Assert.Contains("judicialConfirmationRejected", await host.TimelineEventsAsync(id));
    }

    [Fact]
    public async Task RestartInTheMiddleOfASubmission_SentAgainUnderTheSameRequestId_FiledOnce()
    {
        using var court = CourtPlatformStub.Start();
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", Guid.NewGuid().ToString("N"));
        Guid id;
        Guid applicationId;
        DateTimeOffset retryAt;

        // The platform files the first request but the host is stopped before the (slow) answer arrives; it deduplicates
        // by request id and answers a repeat with 409.
        court.DeduplicatingFilings(firstAnswerDelay: TimeSpan.FromSeconds(5));

        await using (var first = Host(court, timeout: TimeSpan.FromSeconds(30), folder: folder, keep: true))
        {
            id = await AgreementInForceAsync(first);
            applicationId = await BothConsentAsync(first, id);
            using var kill = new CancellationTokenSource();
            var running = first.Services.GetRequiredService<CourtSubmissionWorker>().RunOnceAsync(kill.Token);
            await court.FirstFilingArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

            var claimed = await ApplicationAsync(first, applicationId);
            Assert.Equal(JudicialConfirmationStatus.Queued, claimed.Status);
            Assert.Equal(1, claimed.Attempts);
            retryAt = claimed.NextAttemptAt!.Value;
        }

        await using var second = Host(court, folder: folder, keep: false);
        second.Time.SetUtcNow(retryAt.AddSeconds(1));
        Assert.Equal(1, await RunWorkerAsync(second));

        var filed = await ApplicationAsync(second, applicationId);
        Assert.Equal(JudicialConfirmationStatus.Submitted, filed.Status);
        Assert.Equal(2, filed.Attempts);
        Assert.Equal([applicationId.ToString("D"), applicationId.ToString("D")], court.FilingKeys.ToArray());
        Assert.Single(court.Filed);
        Assert.Equal(SubmittedEvents, (await second.TimelineEventsAsync(id)).Where(e => e == "judicialConfirmationSubmitted").ToArray());
    }

    [Fact]
    public async Task Consent_Rules_AndTheWindow()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);

        // No agreement in force: 409 with its code.
        var queued = await host.FileAsync();
        var (notOpen, notOpenBody) = await host.PostAsync(Applicant, queued, "judicial-confirmation/consent");
        Assert.Equal(HttpStatusCode.Conflict, notOpen);
        Assert.Equal("JudicialConfirmationNotOpen", notOpenBody.GetProperty("code").GetString());

        var id = await AgreementInForceAsync(host);
        var parties = await host.PartyIdsAsync(id);

        // A district admin sees the case but cannot consent for anyone; the mediator must name the party.
        var (admin, _) = await host.PostAsync(DistrictAdmin, id, "judicial-confirmation/consent");
        Assert.Equal(HttpStatusCode.Forbidden, admin);
        var (noParty, noPartyBody) = await host.PostAsync(VillageMediator, id, "judicial-confirmation/consent", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noParty);
        Assert.True(noPartyBody.GetProperty("errors").TryGetProperty("partyId", out _));

        // A resident cannot consent for the other party.
        var (other, _) = await host.PostAsync(Applicant, id, "judicial-confirmation/consent", new { partyId = parties[1] });
        Assert.Equal(HttpStatusCode.BadRequest, other);

        // The mediator records the respondent's consent given on paper; it shows as in person.
        var recorded = await host.ActAsync(VillageMediator, id, "judicial-confirmation/consent", new { partyId = parties[1] });
        var consent = Assert.Single(recorded.GetProperty("application").GetProperty("consents").EnumerateArray());
        Assert.True(consent.GetProperty("inPerson").GetBoolean());

        // 30 days after the agreement took effect the window has closed (人民调解法 Art. 33).
        var closesAt = recorded.GetProperty("windowClosesAt").GetDateTimeOffset();
        await host.MoveToAsync(closesAt.AddMinutes(1));
        var (late, lateBody) = await host.PostAsync(Applicant, id, "judicial-confirmation/consent", language: "en");
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Equal("JudicialConfirmationWindowClosed", lateBody.GetProperty("code").GetString());
        Assert.Contains("Art. 33", lateBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCourtConfiguredForTheArea_ProblemNamesTheArea()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        host.Settings.Remove("Court:Courts:150302:Code");
        host.Settings.Remove("Court:Courts:150302:Name");
        var id = await AgreementInForceAsync(host);

        var (status, body) = await host.PostAsync(Applicant, id, "judicial-confirmation/consent");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("JudicialConfirmationNoCourt", body.GetProperty("code").GetString());
        Assert.Contains("150302001001", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartiesAreReminded_BeforeTheWindowCloses_ThroughTheOutbox()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        var id = await AgreementInForceAsync(host);
        var records = await host.DeadlinesAsync(id);
        var window = Assert.Single(records, d => d.Kind == Mediation.Workflows.Runtime.DeadlineKind.JudicialConfirmation);
        var reminder = Assert.Single(records, d => d.ReminderOfKind == Mediation.Workflows.Runtime.DeadlineKind.JudicialConfirmation);
        Assert.Equal(window.DueAt.AddDays(-5), reminder.DueAt);

        await host.MoveToAsync(reminder.DueAt.AddMinutes(1));
        var reminded = Assert.Single(await host.OutboxAsync(id), o => o.Template == "deadline.reminder" && o.DeadlineId == window.DeadlineId);
        Assert.Equal("AllParties", reminded.Audience);

        await host.MoveToAsync(window.DueAt.AddMinutes(1));
        Assert.Single(await host.OutboxAsync(id), o => o.Template == "judicialConfirmation.closed");
    }

    [Fact]
    public void EveryShippedWorkflow_RemindsThePartiesBeforeTheJudicialConfirmationWindowCloses()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Where(f => !f.EndsWith("bodies.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var definition = JsonDocument.Parse(File.ReadAllText(file));
            var followUps = definition.RootElement.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("kind").GetString() == "followUp").ToList();
            Assert.True(followUps.Count > 0, $"{Path.GetFileName(file)} has no follow-up step");
            foreach (var step in followUps)
            {
                var window = step.GetProperty("judicialConfirmation");
                Assert.Equal("P30D", window.GetProperty("within").GetString());
                Assert.True(window.TryGetProperty("reminders", out var reminders) && reminders.GetArrayLength() > 0, $"{Path.GetFileName(file)}: no reminder on judicialConfirmation");
            }
        }
    }

    [Fact]
    public async Task SignedCallback_RecordsTheCourtsAnswer_BadSignaturesStaleTimestampsAndUnknownIdsRefused_ReplaysChangeNothing()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        var id = await AgreementInForceAsync(host);
        var applicationId = await BothConsentAsync(host, id);
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "received" }));
        await RunWorkerAsync(host);

        var accepted = JsonSerializer.Serialize(new { requestId = applicationId, status = "accepted", caseNumber = "(2026)内0302民特7号" });
        Assert.Equal(HttpStatusCode.NoContent, await CallbackAsync(host, accepted));
        Assert.Equal("(2026)内0302民特7号", (await ApplicationAsync(host, applicationId)).CourtCaseNumber);

        var confirmed = JsonSerializer.Serialize(new { requestId = applicationId, status = "confirmed" });
        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(host, confirmed, secret: "wrong-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(host, confirmed, sentAt: host.Now.AddMinutes(-6)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallbackAsync(host, confirmed, tamper: true));
        Assert.Equal(HttpStatusCode.BadRequest, await CallbackAsync(host, confirmed, signed: false));
        Assert.Equal(HttpStatusCode.NotFound, await CallbackAsync(host, JsonSerializer.Serialize(new { requestId = Guid.NewGuid(), status = "confirmed" })));
        Assert.Equal(HttpStatusCode.BadRequest, await CallbackAsync(host, "{\"requestId\": 1}"));
        Assert.Equal(JudicialConfirmationStatus.Accepted, (await ApplicationAsync(host, applicationId)).Status);

        Assert.Equal(HttpStatusCode.NoContent, await CallbackAsync(host, confirmed));
        Assert.Equal(HttpStatusCode.NoContent, await CallbackAsync(host, confirmed));
        Assert.Equal(JudicialConfirmationStatus.Confirmed, (await ApplicationAsync(host, applicationId)).Status);
        var events = await host.TimelineEventsAsync(id);
        Assert.Single(events, e => e == "judicialConfirmationAccepted");
        Assert.Single(events, e => e == "judicialConfirmationConfirmed");
    }

    [Fact]
    public async Task CourtTraffic_LogsNeitherSecretsNorTheFullIdentitiesItSends_ButNamesTheCase()
    {
        using var court = CourtPlatformStub.Start();
        await using var host = Host(court);
        var capture = new Privacy.LogMaskingTests.CapturingLoggerProvider();
        host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().AddProvider(capture);
        var id = await AgreementInForceAsync(host);
        var applicationId = await BothConsentAsync(host, id);
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario("once").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        court.Server.Given(Request.Create().WithPath(CourtPlatformStub.FilingsPath).UsingPost()).InScenario("once").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(202).WithBodyAsJson(new { status = "received" }));
        await RunWorkerAsync(host);
        await host.MoveToAsync((await ApplicationAsync(host, applicationId)).NextAttemptAt!.Value.AddSeconds(1));
        await RunWorkerAsync(host);
        Assert.Equal(HttpStatusCode.NoContent, await CallbackAsync(host, JsonSerializer.Serialize(new { requestId = applicationId, status = "accepted", caseNumber = "(2026)内0302民特9号" })));

        var lines = capture.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("filed with", StringComparison.Ordinal) && l.Contains("CaseReference=MT-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ServerError (HTTP 503)", StringComparison.Ordinal));
        foreach (var secret in new[] { CourtPlatformStub.ApiKey, CourtPlatformStub.CallbackSecret, "150302198503141234", "11010519491231002X", "13812345678", "13987654321" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Venue_LongestConfiguredPrefixWins()
    {
        var courts = new Dictionary<string, CourtEntry>(StringComparer.Ordinal)
        {
            ["1503"] = new() { Code = "CITY", Name = "乌海市海勃湾区人民法院（市直调解组织）" },
            ["150303"] = new() { Code = "HN", Name = "乌海市海南区人民法院" },
        };

        Assert.Equal("HN", CourtVenue.Resolve(courts, "150303002001")?.Code);
        Assert.Equal("CITY", CourtVenue.Resolve(courts, "150302001")?.Code);
        Assert.Null(CourtVenue.Resolve(courts, "110105"));
        Assert.Null(CourtVenue.Resolve(courts, null));
    }

    internal static CaseLifeHost Host(CourtPlatformStub court, TimeSpan? timeout = null, string? folder = null, bool keep = false)
    {
        var host = folder is null ? new CaseLifeHost() : new CaseLifeHost { DataFolder = folder, KeepDataFolder = keep };
        foreach (var (key, value) in court.Settings(timeout))
        {
            host.Settings[key] = value;
        }

        return host;
    }

    /// <summary>A neighbour dispute taken up in the village and settled by a written agreement signed by all: in follow-up, window open.</summary>
    internal static async Task<Guid> AgreementInForceAsync(CaseLifeHost host)
    {
        var id = await host.FileAsync();
        await host.ActAsync(VillageMediator, id, "take-up");
        var parties = await host.PartyIdsAsync(id);
        var inForce = await host.ActAsync(VillageMediator, id, "agreement", CaseLifeTests.Agreement(
            (parties[0].ToString(), null), (parties[1].ToString(), null), ("mediator", null), ("seal", null)));
        Assert.Equal("follow-up", inForce.GetProperty("step").GetProperty("id").GetString());
        return id;
    }

    private static async Task<Guid> BothConsentAsync(CaseLifeHost host, Guid id)
    {
        await host.ActAsync(Applicant, id, "judicial-confirmation/consent");
        var view = await host.ActAsync(Respondent, id, "judicial-confirmation/consent");
        Assert.Equal("queued", view.GetProperty("application").GetProperty("status").GetString());
        return view.GetProperty("application").GetProperty("id").GetGuid();
    }

    private static async Task<HttpStatusCode> CallbackAsync(
        CaseLifeHost host, string body, string secret = CourtPlatformStub.CallbackSecret, DateTimeOffset? sentAt = null, bool tamper = false, bool signed = true)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/court/judicial-confirmations/callback")
        {
            Content = new StringContent(tamper ? body.Replace("confirmed", "rejected", StringComparison.Ordinal) : body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (signed)
        {
            var timestamp = (sentAt ?? host.Now).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add(CourtCallback.TimestampHeader, timestamp);
            request.Headers.Add(CourtCallback.SignatureHeader, CourtCallback.Sign(secret, timestamp, body));
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static Task<int> RunWorkerAsync(CaseLifeHost host) =>
        host.Services.GetRequiredService<CourtSubmissionWorker>().RunOnceAsync(CancellationToken.None);

    private static Task<JudicialConfirmationApplication> ApplicationAsync(CaseLifeHost host, Guid applicationId) =>
        host.DbAsync(db => db.JudicialConfirmations.AsNoTracking().SingleAsync(a => a.Id == applicationId));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out waiting for the court platform to receive the request");
    }
}
