namespace Mediation.Api.Data.Entities;

/// <summary>
/// A joint application for judicial confirmation (司法确认) of a written mediation agreement: 人民调解法 Art. 33 (both
/// parties, within 30 days of the agreement taking effect) and 民事诉讼法 Art. 205 (to the basic court where the
/// mediation organisation is located). Its <see cref="Id"/> is the request id the court platform sees, so a retried
/// submission never files twice. Personal data is not copied here: the filing is built from the case when it is sent.
/// </summary>
public sealed class JudicialConfirmationApplication
{
    /// <summary>The application id, also the court platform's request id.</summary>
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>The written agreement's outcome record.</summary>
    public Guid AgreementOutcomeId { get; set; }

    public JudicialConfirmationStatus Status { get; set; }

    /// <summary>When the 30-day window closes (the case's judicial confirmation deadline).</summary>
    public DateTimeOffset WindowClosesAt { get; set; }

    /// <summary>The court's code on the platform (from <c>Court:Courts</c>).</summary>
    public required string CourtCode { get; set; }

    public required string CourtName { get; set; }

    /// <summary>The people's mediation organisation that mediated the agreement.</summary>
    public Guid? MediationOrganisationId { get; set; }

    public string? MediationOrganisationName { get; set; }

    /// <summary>Each party's consent to apply jointly.</summary>
    public List<JudicialConsent> Consents { get; set; } = [];

    public DateTimeOffset PreparedAt { get; set; }

    /// <summary>When the last consent arrived and the application was queued for submission.</summary>
    public DateTimeOffset? QueuedAt { get; set; }

    /// <summary>When the court platform acknowledged the filing.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the court accepted, confirmed or rejected it.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Submission attempts made (each claimed and saved before the request is sent).</summary>
    public int Attempts { get; set; }

    /// <summary>When the next submission attempt is due; null when nothing is to be sent.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When the court's answer is next asked for; null when none is awaited.</summary>
    public DateTimeOffset? NextPollAt { get; set; }

    /// <summary>The last failure talking to the platform (kind and status code only, never personal data or secrets).</summary>
    public string? LastError { get; set; }

    /// <summary>The court's case number (案号) once accepted.</summary>
    public string? CourtCaseNumber { get; set; }

    /// <summary>The court's reason when it rejected the application.</summary>
    public string? CourtReason { get; set; }

    /// <summary>Optimistic concurrency: one worker claims an attempt.</summary>
    public int Version { get; set; }
}

/// <summary>A party's consent to the joint application.</summary>
/// <param name="PartyId">The party.</param>
/// <param name="ConsentedAt">When.</param>
/// <param name="RecordedByUserId">The party's own account, or the mediator who recorded a consent given in person.</param>
/// <param name="InPerson">Recorded by the mediator from a consent given in person or on paper.</param>
public sealed record JudicialConsent(Guid PartyId, DateTimeOffset ConsentedAt, string? RecordedByUserId, bool InPerson);

/// <summary>Where a judicial confirmation application stands.</summary>
public enum JudicialConfirmationStatus
{
    /// <summary>Prepared; not every party has consented yet.</summary>
    AwaitingConsent,

    /// <summary>Every party consented; waiting to be sent (or to be sent again after a failure).</summary>
    Queued,

    /// <summary>Acknowledged by the court platform; the court has not decided yet.</summary>
    Submitted,

    /// <summary>The court accepted it (立案) and gave it a case number.</summary>
    Accepted,

    /// <summary>The court confirmed the agreement (裁定确认调解协议有效).</summary>
    Confirmed,

    /// <summary>The court rejected the application (with its reason).</summary>
    Rejected,

    /// <summary>The platform refused the request itself (4xx) or every attempt failed; staff must look at it.</summary>
    SubmissionFailed,
}
