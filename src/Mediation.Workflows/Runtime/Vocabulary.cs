namespace Mediation.Workflows.Runtime;

/// <summary>What a step is.</summary>
public enum StepKind
{
    /// <summary>Mediation by a tier of the organisation tree or a professional body.</summary>
    Mediation,

    /// <summary>After an agreement: judicial confirmation window, follow-up visit, performance.</summary>
    FollowUp,

    /// <summary>An end of the case.</summary>
    Terminal,
}

/// <summary>Tiers of the organisation tree.</summary>
public enum Tier
{
    /// <summary>Village or community (村/社区) people's mediation committee.</summary>
    Village,

    /// <summary>Township or street (乡镇/街道).</summary>
    Township,

    /// <summary>District or county (区/县).</summary>
    District,
}

/// <summary>What starts a resolution clock.</summary>
public enum ClockStart
{
    /// <summary>When the dispute was filed.</summary>
    Filing,

    /// <summary>When the handling organisation received the application (劳动争议调解仲裁法 Art. 14).</summary>
    Receipt,

    /// <summary>When the case entered the step.</summary>
    StepEntry,

    /// <summary>When a mediator took the case up (受理).</summary>
    Acceptance,
}

/// <summary>How a case ends.</summary>
public enum TerminalOutcome
{
    /// <summary>Closed after the agreement was performed.</summary>
    Closed,

    /// <summary>Referred out to another remedy.</summary>
    Referred,

    /// <summary>Withdrawn by the applicant.</summary>
    Withdrawn,

    /// <summary>Refused: not accepted for mediation (for example the other side did not consent).</summary>
    Refused,
}

/// <summary>Remedies outside people's mediation (人民调解法 Art. 26).</summary>
public enum Referral
{
    /// <summary>Civil or commercial arbitration.</summary>
    Arbitration,

    /// <summary>Labour dispute arbitration committee.</summary>
    LabourArbitration,

    /// <summary>Rural land contract arbitration committee.</summary>
    LandContractArbitration,

    /// <summary>Litigation in a people's court.</summary>
    Litigation,

    /// <summary>Administrative handling (for example the health authority's administrative mediation).</summary>
    Administrative,

    /// <summary>The police.</summary>
    Police,
}

/// <summary>Parties and staff whose consent or attention a workflow can ask for.</summary>
public enum Participant
{
    /// <summary>The applicant(s) (申请人).</summary>
    Applicant,

    /// <summary>The respondent(s) (被申请人).</summary>
    Respondent,

    /// <summary>Every party.</summary>
    AllParties,

    /// <summary>The mediator handling the case.</summary>
    Mediator,

    /// <summary>The organisation handling the case.</summary>
    Organisation,
}

/// <summary>Where a case stands inside its step.</summary>
public enum CasePhase
{
    /// <summary>Waiting for the other side's consent.</summary>
    AwaitingConsent,

    /// <summary>In the organisation's queue, not yet taken up.</summary>
    Queued,

    /// <summary>Taken up and being mediated.</summary>
    InMediation,

    /// <summary>Mediation clock paused (appraisal).</summary>
    Paused,

    /// <summary>Agreement reached; waiting for performance.</summary>
    FollowUp,

    /// <summary>Ended.</summary>
    Closed,
}

/// <summary>The kinds of deadline a case carries.</summary>
public enum DeadlineKind
{
    /// <summary>The other side must answer the consent request by then.</summary>
    Consent,

    /// <summary>The organisation must take the case up by then.</summary>
    TakeUp,

    /// <summary>Mediation must be concluded by then.</summary>
    Resolution,

    /// <summary>The window for a joint application for judicial confirmation closes then (人民调解法 Art. 33).</summary>
    JudicialConfirmation,

    /// <summary>The follow-up visit (回访) is due then.</summary>
    FollowUpVisit,

    /// <summary>A reminder before another deadline.</summary>
    Reminder,
}

/// <summary>Written or oral agreement (人民调解法 Art. 28–30).</summary>
public enum AgreementForm
{
    /// <summary>A written mediation agreement (调解协议书), in force when the last signature or seal is on it.</summary>
    Written,

    /// <summary>An oral agreement recorded by the mediator, in force when reached.</summary>
    Oral,
}
