using static Mediation.Api.Tests.Authorization.MatrixContext;

namespace Mediation.Api.Tests.Authorization;

/// <summary>An authorisation decision: what each principal gets from one request to one endpoint.</summary>
/// <param name="Endpoint"><c>"METHOD /route/{pattern}"</c> exactly as the host maps it (the failing row names it).</param>
/// <param name="Expected">The outcome per principal.</param>
/// <param name="Request">Builds the request; it must be valid for an allowed caller so that only authorisation can refuse it.</param>
/// <param name="Scenario">Tells apart several decisions for one endpoint (e.g. different data); empty when there is one.</param>
public sealed record MatrixEntry(string Endpoint, Access Expected, Func<MatrixContext, Task<HttpRequestMessage>> Request, string Scenario = "");

/// <summary>
/// The decisions. To add an endpoint: one line <c>E("METHOD /route", Access.Preset, c => request)</c>; start from the
/// closest preset and override principals with <c>with { OrgAdmin = Outcome.Forbidden }</c>. "Own" principals are
/// related to the context's subject data (see <see cref="MatrixContext"/>), "other" ones are not.
/// </summary>
public static class AuthorizationMatrix
{
    private const Outcome Allowed = Outcome.Allowed;
    private const Outcome Forbidden = Outcome.Forbidden;

    // Dispute actions (DisputeActionsEndpoints, ActionRules) on a fresh dispute of resident1's, queued at the village:
    // a caller who cannot see the case gets 404; one who sees it but may not act gets 403; past both, the workflow may still say 409.
    private static readonly Access HandlingStaff = Access.DisputeReader with { Resident = Forbidden };
    private static readonly Access CaseMediator = HandlingStaff with { OrgAdmin = Forbidden, SystemAdmin = Forbidden };
    private static readonly Access PartyOrCaseMediator = CaseMediator with { Resident = Allowed };
    private static readonly Access PartyOnly = PartyOrCaseMediator with { Mediator = Forbidden };
    private static readonly Access ApplicantOrHandlingStaff = Access.DisputeReader;

    private static readonly Access HotlineSignatureOnly = new(
        Outcome.Unauthenticated, Outcome.Unauthenticated, Outcome.Unauthenticated, Outcome.Unauthenticated,
        Outcome.Unauthenticated, Outcome.Unauthenticated, Outcome.Unauthenticated, Outcome.Unauthenticated);

    private static readonly object Reason = new { reason = "矩阵测试" };

    private static readonly object SimulationScript = new
    {
        facts = new { category = "landContract", location = SubjectVillage, filedAt = "2026-03-02T09:00:00+08:00" },
        events = new List<object>(),
        until = "P40D",
    };

    public static IReadOnlyList<MatrixEntry> Entries { get; } =
    [
        // Sign-in and health: the only endpoints open to anonymous callers.
        E("POST /api/auth/login", Access.Public, _ => Post("/api/auth/login", new { userName = "resident2", password = MediationApiFactory.DemoPassword })),
        E("ANY /health", Access.Public, _ => Get("/health")),
        // Residents register themselves (a new user name and mobile per request, so every principal's request is valid).
        E("POST /api/auth/register", Access.Public, c => Post("/api/auth/register",
            new { userName = $"matrix-resident-{c.Next()}", displayName = "矩阵居民", mobile = $"139{c.Next():00000000}", password = "Matrix#2026" })),
        // Web UI plumbing: the language switch (a redirect that sets a cookie) and sign-out (a form post; without the
        // page's antiforgery token it is a 400 for everyone, which the matrix counts as past authorisation).
        E("GET /culture", Access.Public, _ => Get("/culture?culture=en&redirectUri=%2F")),
        E("POST /account/logout", Access.Public, _ => Post("/account/logout", new { })),

        // Calendars: reference data, but like everything else only for signed-in users.
        E("GET /api/calendars", Access.SignedIn, _ => Get("/api/calendars")),
        E("GET /api/calendars/{name}/days", Access.SignedIn, _ => Get("/api/calendars/cn-mainland/days?from=2026-02-14&to=2026-02-16")),
        E("POST /api/calendars/{name}/years", Access.SystemAdminOnly, _ => PostJson("/api/calendars/cn-mainland/years", Calendars.CalendarYearsApiTests.Schedule2027(2030))),

        // Dashboard figures: organisation admins for their own area (403 for another), system admins for any.
        E("GET /api/figures/summary", Access.Administrators, _ => Get("/api/figures/summary")),
        E("GET /api/figures/summary", Access.OrganisationAdminInSubtree, _ => Get($"/api/figures/summary?area={SubjectVillage}"), "an area inside the district"),
        E("GET /api/figures/cases", Access.Administrators, _ => Get("/api/figures/cases?set=overdue")),
        E("GET /api/figures/cases.csv", Access.Administrators, _ => Get("/api/figures/cases.csv?set=filed")),

        // Workflows: read by everyone signed in; drafts, validation and simulation by administrators (not bound to an
        // area: any organisation admin); publishing and migrating cases by system admins.
        E("GET /api/workflows", Access.SignedIn, _ => Get("/api/workflows")),
        E("GET /api/workflows/{key}", Access.SignedIn, _ => Get("/api/workflows/general-civil")),
        E("GET /api/workflows/{key}/versions", Access.SignedIn, _ => Get("/api/workflows/general-civil/versions")),
        E("GET /api/workflows/{key}/versions/{version:int}", Access.SignedIn, _ => Get("/api/workflows/general-civil/versions/1")),
        E("GET /api/workflows/{key}/versions/{version:int}/mermaid", Access.SignedIn, _ => Get("/api/workflows/general-civil/versions/1/mermaid")),
        E("POST /api/workflows/validate", Access.Administrators, c => PostJson("/api/workflows/validate", c.LandContractDefinition)),
        E("POST /api/workflows/{key}/drafts", Access.Administrators, c => PostJson("/api/workflows/land-contract/drafts", c.LandContractDefinition)),
        E("POST /api/workflows/{key}/drafts/simulate", Access.Administrators, async c =>
        {
            await c.EnsureDraftAsync();
            return Request(HttpMethod.Post, "/api/workflows/land-contract/drafts/simulate", SimulationScript);
        }),
        E("POST /api/workflows/{key}/versions/{version:int}/simulate", Access.Administrators, _ => Post("/api/workflows/land-contract/versions/1/simulate", SimulationScript)),
        E("POST /api/workflows/{key}/drafts/publish", Access.SystemAdminOnly, _ => Post("/api/workflows/land-contract/drafts/publish")),
        E("POST /api/workflows/{key}/migrations", Access.SystemAdminOnly, _ => Post("/api/workflows/land-contract/migrations",
            new { fromVersion = 1, toVersion = 2, stepMapping = new Dictionary<string, string>(), dryRun = true })),

        // Organisations: the tree is read by everyone signed in; writes by organisation admins within their subtree.
        E("GET /api/organisations", Access.SignedIn, _ => Get("/api/organisations")),
        E("GET /api/organisations/{id:guid}", Access.SignedIn, c => Get($"/api/organisations/{c.Village}")),
        E("POST /api/organisations", Access.OrganisationAdminInSubtree, c => Post("/api/organisations",
            new { kind = "village", parentId = c.Township, code = $"150302001{500 + c.Next()}", name = "矩阵新建社区" })),
        E("PUT /api/organisations/{id:guid}", Access.OrganisationAdminInSubtree, c => Put($"/api/organisations/{c.Village}",
            new { name = "矩阵测试社区", autoAssign = false, active = true })),
        E("POST /api/organisations/{id:guid}/deactivate", Access.OrganisationAdminInSubtree, c => Post($"/api/organisations/{c.Village}/deactivate")),
        E("GET /api/organisations/{id:guid}/mediators", Access.SignedIn, c => Get($"/api/organisations/{c.Village}/mediators")),
        E("POST /api/organisations/{id:guid}/mediators", Access.OrganisationAdminInSubtree, c => Post($"/api/organisations/{c.Village}/mediators",
            new { userName = $"mediator-matrix-{c.Next()}", name = "矩阵新调解员", password = "Matrix#2026" })),
        E("GET /api/mediators/{id:guid}", Access.SignedIn, c => Get($"/api/mediators/{c.ScratchMediator}")),
        E("PUT /api/mediators/{id:guid}", Access.OrganisationAdminInSubtree, c => Put($"/api/mediators/{c.ScratchMediator}",
            new { name = "矩阵调解员", specialties = new List<string> { "neighbour" }, active = true, organisationId = c.Village })),
        E("PUT /api/mediators/{id:guid}", Access.OrganisationAdminInSubtree, c => Put($"/api/mediators/{c.ScratchMediator}",
            new { name = "矩阵调解员", specialties = new List<string> { "neighbour" }, active = true, organisationId = c.NeighbourVillage }), "move within the district"),
        E("POST /api/mediators/{id:guid}/deactivate", Access.OrganisationAdminInSubtree, c => Post($"/api/mediators/{c.ScratchMediator}/deactivate")),

        // Disputes: anyone signed in files and lists (the list is filtered to what they may see); one dispute is seen by
        // its parties, its organisation's mediators, the admins over it and system admins, and is a 404 to everyone else.
        E("POST /api/disputes", Access.SignedIn, c => FileRequest()),
        E("GET /api/disputes", Access.SignedIn, _ => Get("/api/disputes")),
        E("GET /api/disputes/{id:guid}", Access.DisputeReader, c => Get($"/api/disputes/{c.Dispute}")),
        E("GET /api/disputes/{id:guid}/timeline", Access.DisputeReader, c => Get($"/api/disputes/{c.Dispute}/timeline")),
        E("GET /api/disputes/{id:guid}/attachments", Access.DisputeReader, c => Get($"/api/disputes/{c.Dispute}/attachments")),
        E("GET /api/disputes/{id:guid}/attachments/{attachmentId:guid}", Access.DisputeReader, c => Get($"/api/disputes/{c.Dispute}/attachments/{c.Attachment}")),
        E("POST /api/disputes/{id:guid}/attachments", Access.DisputeReader with { OrgAdmin = Forbidden },
            c => Task.FromResult(Upload($"/api/disputes/{c.Dispute}/attachments"))),
        E("GET /api/disputes/{id:guid}/outcomes", Access.DisputeReader, c => Get($"/api/disputes/{c.ClosedDispute}/outcomes")),
        E("GET /api/disputes/{id:guid}/outcomes/{outcomeId:guid}", Access.DisputeReader, c => Get($"/api/disputes/{c.ClosedDispute}/outcomes/{c.Outcome}")),
        E("POST /api/disputes/{id:guid}/outcomes/{outcomeId:guid}/corrections", HandlingStaff, c => Post($"/api/disputes/{c.ClosedDispute}/outcomes/{c.Outcome}/corrections",
            new { note = "更正笔误", reason = "申请人撤回申请" })),

        // Dispute actions.
        E("POST /api/disputes/{id:guid}/consent", HandlingStaff, OnFreshDispute("consent")),
        E("POST /api/disputes/{id:guid}/refuse-consent", HandlingStaff, OnFreshDispute("refuse-consent")),
        E("POST /api/disputes/{id:guid}/take-up", CaseMediator, OnFreshDispute("take-up")),
        E("POST /api/disputes/{id:guid}/decline", HandlingStaff, OnFreshDispute("decline", Reason)),
        E("POST /api/disputes/{id:guid}/flag-risk", HandlingStaff, OnFreshDispute("flag-risk", Reason)),
        E("POST /api/disputes/{id:guid}/pause", CaseMediator, OnFreshDispute("pause", Reason)),
        E("POST /api/disputes/{id:guid}/resume", CaseMediator, OnFreshDispute("resume")),
        E("POST /api/disputes/{id:guid}/extend", CaseMediator, OnFreshDispute("extend", new { duration = "P15D", consents = new List<string> { "applicant", "respondent" } })),
        E("POST /api/disputes/{id:guid}/request-extension", CaseMediator, OnFreshDispute("request-extension", new { duration = "P15D", consents = new List<string> { "allParties" } })),
        E("POST /api/disputes/{id:guid}/fail", CaseMediator, OnFreshDispute("fail", Reason)),
        E("POST /api/disputes/{id:guid}/fail", CaseMediator with { Mediator = Forbidden }, async c => Request(HttpMethod.Post, $"/api/disputes/{await c.RecusedDisputeAsync()}/fail", Reason),
            "the village's mediator recused"),
        E("POST /api/disputes/{id:guid}/termination", CaseMediator, OnFreshDispute("termination", Reason)),
        E("POST /api/disputes/{id:guid}/agreement", CaseMediator, OnFreshDispute("agreement", new
        {
            facts = "双方系上下楼邻居", mattersInDispute = "楼道杂物", responsibility = "被申请人负主要责任", terms = "三日内清理", performance = "自行清理", performBy = "2026-12-31",
        })),
        E("POST /api/disputes/{id:guid}/oral-agreement", CaseMediator, OnFreshDispute("oral-agreement", new { content = "被申请人当日清理楼道杂物" })),
        E("POST /api/disputes/{id:guid}/agreement-effective", CaseMediator, OnFreshDispute("agreement-effective")),
        E("POST /api/disputes/{id:guid}/performed", CaseMediator, OnFreshDispute("performed")),
        E("POST /api/disputes/{id:guid}/follow-up-visit", CaseMediator, OnFreshDispute("follow-up-visit")),
        E("POST /api/disputes/{id:guid}/escalate", PartyOrCaseMediator, OnFreshDispute("escalate", Reason)),
        E("POST /api/disputes/{id:guid}/performance-failed", PartyOrCaseMediator, OnFreshDispute("performance-failed", Reason)),
        E("POST /api/disputes/{id:guid}/confirm", PartyOrCaseMediator, OnFreshDispute("confirm")),
        E("POST /api/disputes/{id:guid}/reject-agreement", PartyOnly, OnFreshDispute("reject-agreement")),
        E("POST /api/disputes/{id:guid}/recusal", PartyOnly, OnFreshDispute("recusal", Reason)),
        E("POST /api/disputes/{id:guid}/withdraw", ApplicantOrHandlingStaff, OnFreshDispute("withdraw")),

        // Operability: liveness, readiness and Prometheus metrics are for probes and scrapers, anonymous (no personal data).
        E("ANY /health/live", Access.Public, _ => Get("/health/live")),
        E("ANY /health/ready", Access.Public, _ => Get("/health/ready")),
        E("ANY /metrics", Access.Public, _ => Get("/metrics")),

        // Judicial confirmation: read by whoever sees the case; a party consents for themselves, the case's mediator records
        // an in-person consent (a fresh case has no agreement in force, so the allowed get 409). The court platform's
        // callback is authenticated by its HMAC signature, not by sign-in (unsigned: 400 for everyone).
        E("GET /api/disputes/{id:guid}/judicial-confirmation", Access.DisputeReader, c => Get($"/api/disputes/{c.Dispute}/judicial-confirmation")),
        E("POST /api/disputes/{id:guid}/judicial-confirmation/resubmit", HandlingStaff, OnFreshDispute("judicial-confirmation/resubmit")),
        E("POST /api/court/judicial-confirmations/callback", Access.Public, _ => Post("/api/court/judicial-confirmations/callback", new { status = "confirmed" })),
        E("POST /api/disputes/{id:guid}/judicial-confirmation/consent", PartyOrCaseMediator, OnFreshDispute("judicial-confirmation/consent", new { })),

        // Personal data: full details for staff who see the case (logged); the access log for administrators (filtered to
        // the cases they see); publication consent by a party; public figures for anyone.
        E("POST /api/disputes/{id:guid}/parties/{partyId:guid}/full-details", Access.DisputeReader with { Resident = Forbidden },
            async c => Request(HttpMethod.Post, $"/api/disputes/{c.Dispute}/parties/{await c.PartyAsync(c.Dispute)}/full-details", new { reason = "矩阵测试核对" })),
        E("GET /api/personal-data/access-log", Access.Administrators, _ => Get("/api/personal-data/access-log")),
        E("POST /api/disputes/{id:guid}/publication/consent", PartyOnly, OnFreshDispute("publication/consent")),
        E("GET /api/public/figures", Access.Public, _ => Get("/api/public/figures")),

        // Notifications: templates, dead letters and the backlog are system administration.
        E("GET /api/notifications/templates", Access.SystemAdminOnly, _ => Get("/api/notifications/templates")),
        E("PUT /api/notifications/templates/{key}", Access.SystemAdminOnly, _ => Put("/api/notifications/templates/case.closed", new { text = "【纠纷调解】纠纷{reference}已办结。" })),
        E("GET /api/notifications/dead-letters", Access.SystemAdminOnly, _ => Get("/api/notifications/dead-letters")),
        // The matrix's data has no dead letter: a system admin passes authorisation and gets the 404 of the missing delivery.
        E("POST /api/notifications/dead-letters/{id:guid}/resend", Access.SystemAdminOnly with { SystemAdmin = Outcome.Hidden },
            _ => Post($"/api/notifications/dead-letters/{Guid.NewGuid()}/resend")),
        E("GET /api/notifications/statistics", Access.SystemAdminOnly, _ => Get("/api/notifications/statistics")),

        // The 12345 webhook authenticates the hotline system by signature, not a user: a bearer token is no substitute (401 for everyone without a signature).
        E("POST /api/hotline/work-orders", HotlineSignatureOnly, _ => Post("/api/hotline/work-orders", new { orderNumber = "WO-MATRIX" })),

        // Service ratings: read by whoever sees the case; given by a party of the closed case (once: a repeat is 409).
        E("GET /api/disputes/{id:guid}/rating", Access.DisputeReader, c => Get($"/api/disputes/{c.ClosedDispute}/rating")),
        E("POST /api/disputes/{id:guid}/rating", PartyOnly, c => Post($"/api/disputes/{c.ClosedDispute}/rating", new { score = 5, comment = "矩阵测试" })),

        // Minutes of mediation sessions (SessionsEndpoints): read like the dispute, recorded by the case's mediator.
        E("GET /api/disputes/{id:guid}/sessions", Access.DisputeReader, c => Get($"/api/disputes/{c.Dispute}/sessions")),
        E("POST /api/disputes/{id:guid}/sessions", CaseMediator, OnFreshDispute("sessions", new
        {
            heldAt = "2025-01-06T10:00:00+08:00", place = "调解室", attendees = "双方当事人、调解员", discussion = "楼道杂物", result = "约定再次协商",
        })),
    ];

    /// <summary>A new filing at the subject village, with the Idempotency-Key residents must send.</summary>
    private static Task<HttpRequestMessage> FileRequest()
    {
        var request = Request(HttpMethod.Post, "/api/disputes", new
        {
            category = "neighbour",
            description = "楼道堆放杂物影响通行",
            request = "请对方清理楼道杂物",
            locationCode = SubjectVillage,
            applicant = new { name = "张伟", phone = "13800000001" },
            respondents = new List<object> { new { name = "赵强" } },
            consentToNotice = true,
        });
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return Task.FromResult(request);
    }

    /// <summary>An action on a dispute filed for this request alone, so that no row depends on what another did.</summary>
    private static Func<MatrixContext, Task<HttpRequestMessage>> OnFreshDispute(string action, object? body = null) =>
        async c => Request(HttpMethod.Post, $"/api/disputes/{await c.NewDisputeAsync()}/{action}", body);

    private static MatrixEntry E(string endpoint, Access expected, Func<MatrixContext, Task<HttpRequestMessage>> request, string scenario = "") =>
        new(endpoint, expected, request, scenario);
}
