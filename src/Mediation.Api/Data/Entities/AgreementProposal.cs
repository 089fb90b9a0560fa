using Mediation.Workflows.Runtime;

namespace Mediation.Api.Data.Entities;

/// <summary>
/// A written mediation agreement (调解协议书, 人民调解法 Art. 29) that the mediator has drawn up but that is not yet in
/// force: signatures are still missing. It is not an outcome — the case stays in mediation — so it lives beside the
/// outcome records rather than among them. Signatures accumulate on it; when the last one arrives the workflow is told
/// the agreement was reached and writes the agreement's <see cref="OutcomeRecord"/> (which points back here), and the
/// proposal becomes <see cref="ProposalStatus.Effective"/>. A party may reject it; the mediator may replace it with a
/// new one; it lapses when the case leaves the mediation step it was proposed in.
/// </summary>
public sealed class AgreementProposal
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>The mediation step it was proposed in.</summary>
    public required string StepId { get; set; }

    public ProposalStatus Status { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>The mediator who drew it up.</summary>
    public string? ProposedByUserId { get; set; }

    /// <summary>Art. 29: the basic facts, the matters in dispute and each party's responsibility.</summary>
    public required string Facts { get; set; }

    /// <summary>Art. 29: the terms agreed, how and by when they are performed.</summary>
    public required string Terms { get; set; }

    /// <summary>Signatures or fingerprints of the parties, the mediator's signature and the committee's seal so far.</summary>
    public List<OutcomeSignature> Signatures { get; set; } = [];

    /// <summary>When it stopped being open: it took effect, was rejected, replaced or lapsed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>For a rejected proposal: the resident who rejected it.</summary>
    public string? RejectedByUserId { get; set; }

    /// <summary>For a rejected proposal: why, in the party's words.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>For an effective proposal: when it took effect (the last signature or the seal).</summary>
    public DateTimeOffset? EffectiveAt { get; set; }
}

/// <summary>Where a proposed written agreement stands.</summary>
public enum ProposalStatus
{
    /// <summary>Open: awaiting signatures.</summary>
    Proposed,

    /// <summary>A party rejected it; the case stays in mediation.</summary>
    Rejected,

    /// <summary>The mediator proposed another one, or recorded an agreement in force, before it was signed by all.</summary>
    Superseded,

    /// <summary>The case left the mediation step (escalated, failed, timed out, withdrawn) before it was signed by all.</summary>
    Lapsed,

    /// <summary>Signed by all and sealed: in force, and the agreement's outcome record was written.</summary>
    Effective,
}
