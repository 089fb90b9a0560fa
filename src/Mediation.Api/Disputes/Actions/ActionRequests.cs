namespace Mediation.Api.Disputes.Actions;

/// <summary>An action that needs a reason: declining, pausing, failing, terminating, escalating, flagging a risk, a failed performance.</summary>
internal sealed class ReasonRequest
{
    /// <summary>Why, in the actor's words (at most 2000 characters).</summary>
    /// <example>当事人申请医疗损害鉴定，鉴定期间暂停调解期限。</example>
    public string? Reason { get; init; }
}

/// <summary>An action whose reason is optional: resuming, withdrawing, performance recorded, consent, rejecting a proposed agreement.</summary>
internal sealed class NoteRequest
{
    /// <summary>A note for the timeline (at most 2000 characters).</summary>
    /// <example>鉴定意见书已送达，恢复调解。</example>
    public string? Reason { get; init; }
}

/// <summary>An extension of the resolution deadline (延长调解期限) with the consents the mediator recorded.</summary>
internal sealed class ExtensionRequest
{
    /// <summary>How much longer, as an ISO-8601 duration in the workflow's calendar (days in a working-day workflow).</summary>
    /// <example>P15D</example>
    public string? Duration { get; init; }

    /// <summary>Who consented: applicant, respondent, allParties, mediator, organisation. The acting mediator's own consent is implied.</summary>
    /// <example>["applicant", "respondent"]</example>
    public IReadOnlyList<string>? Consents { get; init; }

    /// <summary>Why the extension is needed (optional, at most 2000 characters).</summary>
    /// <example>双方同意延长调解期限，待补充证据。</example>
    public string? Reason { get; init; }
}

/// <summary>A written mediation agreement (调解协议书) with the content 人民调解法 Art. 29 requires; the parties are the case's parties.</summary>
internal sealed class AgreementRequest
{
    /// <summary>The basic facts of the dispute.</summary>
    /// <example>申请人与被申请人系上下楼邻居。2026年1月起被申请人装修，施工噪音持续至晚间。</example>
    public string? Facts { get; init; }

    /// <summary>The matters in dispute.</summary>
    /// <example>施工时间及噪音造成的损失。</example>
    public string? MattersInDispute { get; init; }

    /// <summary>Each party's responsibility.</summary>
    /// <example>被申请人未遵守小区装修时间规定，应承担主要责任。</example>
    public string? Responsibility { get; init; }

    /// <summary>What the parties agreed.</summary>
    /// <example>被申请人仅在工作日8:00–18:00施工，并赔偿申请人损失1500元。</example>
    public string? Terms { get; init; }

    /// <summary>How the terms are performed.</summary>
    /// <example>被申请人通过银行转账一次性支付。</example>
    public string? Performance { get; init; }

    /// <summary>By when the terms are performed.</summary>
    /// <example>2026-03-31</example>
    public DateOnly? PerformBy { get; init; }

    /// <summary>
    /// Signatures already on the document: each party (by party id), the mediator (<c>mediator</c>) and the committee's
    /// seal (<c>seal</c>). When all are present the agreement takes effect at the last of them; otherwise it is a
    /// proposal, the case stays in mediation and the rest sign later with <c>confirm</c>.
    /// </summary>
    public IReadOnlyList<SignatureInput>? Signatures { get; init; }
}

/// <summary>A signature, fingerprint or seal on a written agreement.</summary>
internal sealed class SignatureInput
{
    /// <summary>A party's id, <c>mediator</c> or <c>seal</c>.</summary>
    /// <example>mediator</example>
    public string? Signer { get; init; }

    /// <summary>When it was signed; now when omitted. Never in the future.</summary>
    public DateTimeOffset? SignedAt { get; init; }
}

/// <summary>An oral agreement (口头协议) the mediator records (人民调解法 Art. 28, 30); in force at once.</summary>
internal sealed class OralAgreementRequest
{
    /// <summary>What was agreed, how and by when it is performed, as the mediator recorded it.</summary>
    /// <example>双方当场达成口头协议：被申请人当日归还借用的农机具，申请人不再追究。</example>
    public string? Content { get; init; }
}

/// <summary>A signature on the proposed written agreement.</summary>
internal sealed class ConfirmRequest
{
    /// <summary>
    /// Mediators only: whose signature is recorded — a party's id (a signature or fingerprint on paper),
    /// <c>mediator</c> or <c>seal</c>. A party signs for themselves and leaves it out.
    /// </summary>
    /// <example>seal</example>
    public string? Signer { get; init; }

    /// <summary>Mediators only: when a signature on paper was made; now when omitted.</summary>
    public DateTimeOffset? SignedAt { get; init; }
}

/// <summary>The mediator attests that a paper copy of the proposed agreement was signed by all and sealed in person.</summary>
internal sealed class AgreementEffectiveRequest
{
    /// <summary>When the last signature or the seal was put on it; now when omitted. Never in the future.</summary>
    public DateTimeOffset? EffectiveAt { get; init; }
}

/// <summary>A correction of an outcome record: a new record that supersedes the old one, which stays as it was.</summary>
internal sealed class CorrectionRequest
{
    /// <summary>What is corrected and why (required, at most 2000 characters).</summary>
    /// <example>更正协议中的履行期限笔误。</example>
    public string? Note { get; init; }

    /// <summary>For a written agreement: its full corrected content (the signatures stay). A proposal not yet in force is replaced by proposing again instead.</summary>
    public AgreementRequest? Agreement { get; init; }

    /// <summary>For an oral agreement: its corrected content.</summary>
    public string? Content { get; init; }

    /// <summary>For a termination, withdrawal, refusal or closure: the corrected reason.</summary>
    public string? Reason { get; init; }
}
