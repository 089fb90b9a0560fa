using Mediation.Workflows.Runtime;

namespace Mediation.Api.Data.Entities;

/// <summary>
/// An outcome record: a written agreement (人民调解法 Art. 29), an oral agreement (Art. 28, 30), a termination telling
/// the parties their remedies (Art. 26), a withdrawal, a refusal or a closure. Never edited once finished; a correction
/// is a new record that points at the one it supersedes.
/// </summary>
public sealed class OutcomeRecord
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    public OutcomeKind Kind { get; set; }

    public AgreementForm? AgreementForm { get; set; }

    /// <summary>The step the record concludes.</summary>
    public required string StepId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user who wrote it, or null when the system wrote it (a deadline passed).</summary>
    public string? CreatedByUserId { get; set; }

    /// <summary>Art. 29: the basic facts, the matters in dispute and each party's responsibility.</summary>
    public string? Facts { get; set; }

    /// <summary>Art. 29: the terms agreed, how and by when they are performed. For an oral agreement, its recorded content.</summary>
    public string? Terms { get; set; }

    /// <summary>For a termination or refusal: why.</summary>
    public TerminationReason? TerminationReason { get; set; }

    public string? Reason { get; set; }

    /// <summary>The remedies the parties were told of.</summary>
    public List<Referral> Remedies { get; set; } = [];

    /// <summary>Signatures or fingerprints of the parties, the mediator's signature and the committee's seal (Art. 29).</summary>
    public List<OutcomeSignature> Signatures { get; set; } = [];

    /// <summary>When the agreement took effect: the last of the signatures and the seal.</summary>
    public DateTimeOffset? EffectiveAt { get; set; }

    /// <summary>For a written agreement signed online: the proposal it was signed as.</summary>
    public Guid? ProposalId { get; set; }

    /// <summary>The record this one corrects.</summary>
    public Guid? SupersedesId { get; set; }

    /// <summary>Set on the older record when a correction supersedes it.</summary>
    public Guid? SupersededById { get; set; }
}

/// <summary>A signature, fingerprint or seal on an outcome record.</summary>
/// <param name="Signer">A party's id, <c>mediator</c> or <c>seal</c>.</param>
/// <param name="SignedAt">When.</param>
public sealed record OutcomeSignature(string Signer, DateTimeOffset SignedAt);
