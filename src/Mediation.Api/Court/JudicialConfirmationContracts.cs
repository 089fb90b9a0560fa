using Mediation.Api.Data.Entities;

namespace Mediation.Api.Court;

/// <summary>Judicial confirmation of a case's written agreement, as the API shows it (no ID numbers or phones).</summary>
/// <param name="WindowOpen">True while the parties may still apply (人民调解法 Art. 33: 30 days from the agreement taking effect).</param>
/// <param name="WindowClosesAt">When the window closes; null when there is no written agreement in force.</param>
/// <param name="AgreementId">The written agreement's outcome record.</param>
/// <param name="AgreementEffectiveAt">When the agreement took effect.</param>
/// <param name="Court">The court the application goes to (民事诉讼法 Art. 205), or null when none is configured for the area.</param>
/// <param name="MediationOrganisation">The organisation that mediated.</param>
/// <param name="Application">The application once prepared (the first consent prepares it).</param>
internal sealed record JudicialConfirmationView(
    bool WindowOpen,
    DateTimeOffset? WindowClosesAt,
    Guid? AgreementId,
    DateTimeOffset? AgreementEffectiveAt,
    CourtView? Court,
    string? MediationOrganisation,
    JudicialConfirmationApplicationView? Application);

/// <summary>A court on the platform.</summary>
/// <param name="Code">Its code on the platform.</param>
/// <param name="Name">Its name.</param>
internal sealed record CourtView(string Code, string Name);

/// <summary>A joint application and where it stands.</summary>
/// <param name="Id">The application id, also the request id the court platform sees.</param>
/// <param name="Status">awaitingConsent, queued, submitted, accepted, confirmed, rejected or submissionFailed.</param>
/// <param name="Consents">The parties who consented.</param>
/// <param name="AwaitingConsentOf">The parties whose consent is still missing.</param>
/// <param name="PreparedAt">When it was prepared.</param>
/// <param name="QueuedAt">When every party had consented.</param>
/// <param name="SubmittedAt">When the platform acknowledged it.</param>
/// <param name="DecidedAt">When the court confirmed or rejected it.</param>
/// <param name="Attempts">Submission attempts so far.</param>
/// <param name="NextAttemptAt">When it is next sent, while queued.</param>
/// <param name="CourtCaseNumber">The court's case number once accepted.</param>
/// <param name="CourtReason">The court's reason for a rejection.</param>
/// <param name="LastError">The last failure talking to the platform (staff only; null for residents).</param>
internal sealed record JudicialConfirmationApplicationView(
    Guid Id,
    JudicialConfirmationStatus Status,
    IReadOnlyList<ConsentView> Consents,
    IReadOnlyList<PartyRefView> AwaitingConsentOf,
    DateTimeOffset PreparedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? CourtCaseNumber,
    string? CourtReason,
    string? LastError);

/// <summary>A party's consent.</summary>
/// <param name="PartyId">The party.</param>
/// <param name="Role">applicant or respondent.</param>
/// <param name="Name">The party's name.</param>
/// <param name="ConsentedAt">When.</param>
/// <param name="InPerson">Recorded by the mediator from a consent given in person or on paper.</param>
internal sealed record ConsentView(Guid PartyId, PartyRole Role, string Name, DateTimeOffset ConsentedAt, bool InPerson);

/// <summary>A party, by name.</summary>
/// <param name="PartyId">The party.</param>
/// <param name="Role">applicant or respondent.</param>
/// <param name="Name">The party's name.</param>
internal sealed record PartyRefView(Guid PartyId, PartyRole Role, string Name);

/// <summary>Body of <c>POST …/judicial-confirmation/consent</c>.</summary>
/// <param name="PartyId">The party consenting. A resident may leave it out (their own party); the case's mediator recording an in-person consent must give it.</param>
internal sealed record JudicialConsentRequest(Guid? PartyId);
