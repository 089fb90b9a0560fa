using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Disputes.Actions;

/// <summary>An outcome record: an agreement (written, Art. 29, or oral, Art. 28, 30), a termination with the remedies (Art. 26), a withdrawal, a refusal or a closure.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Kind">agreement, termination, withdrawal, refusal or closure.</param>
/// <param name="AgreementForm">For an agreement: written or oral.</param>
/// <param name="StepId">The step the record concludes.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="WrittenBySystem">True when the system wrote it (a deadline passed).</param>
/// <param name="Facts">Written agreement: the basic facts, the matters in dispute and each party's responsibility.</param>
/// <param name="Terms">Agreement: the terms, how and by when they are performed; for an oral agreement its recorded content.</param>
/// <param name="TerminationReason">For a termination: failed, timedOut, notPerformed or referred.</param>
/// <param name="Reason">Why, in the words of whoever ended it.</param>
/// <param name="Remedies">The remedies the parties were told of.</param>
/// <param name="Signatures">Signatures, fingerprints and the seal on a written agreement.</param>
/// <param name="AwaitingSignatures">For a written agreement not yet in force: who has yet to sign (party names, <c>mediator</c>, <c>seal</c>).</param>
/// <param name="EffectiveAt">When the agreement took effect; absent while signatures are missing.</param>
/// <param name="ProposalId">For a written agreement signed online: the proposal it was signed as.</param>
/// <param name="SupersedesId">The record this one corrects.</param>
/// <param name="SupersededById">The correction that replaced this record; such a record is kept unchanged.</param>
internal sealed record OutcomeView(
    Guid Id,
    OutcomeKind Kind,
    AgreementForm? AgreementForm,
    string StepId,
    DateTimeOffset CreatedAt,
    bool WrittenBySystem,
    string? Facts,
    string? Terms,
    TerminationReason? TerminationReason,
    string? Reason,
    IReadOnlyList<Referral> Remedies,
    IReadOnlyList<SignatureView> Signatures,
    IReadOnlyList<string> AwaitingSignatures,
    DateTimeOffset? EffectiveAt,
    Guid? ProposalId,
    Guid? SupersedesId,
    Guid? SupersededById)
{
    public static OutcomeView From(OutcomeRecord record, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(dispute);
        var awaiting = record is { Kind: OutcomeKind.Agreement, AgreementForm: Mediation.Workflows.Runtime.AgreementForm.Written, EffectiveAt: null }
            ? AgreementContent.Missing(dispute, record.Signatures).Select(s => AgreementContent.SignerName(dispute, s)).ToList()
            : [];
        return new OutcomeView(
            record.Id,
            record.Kind,
            record.AgreementForm,
            record.StepId,
            record.CreatedAt,
            record.CreatedByUserId is null,
            record.Facts,
            record.Terms,
            record.TerminationReason,
            record.Reason,
            record.Remedies,
            [.. record.Signatures.Select(s => SignatureView.From(s, dispute))],
            awaiting,
            record.EffectiveAt,
            record.ProposalId,
            record.SupersedesId,
            record.SupersededById);
    }
}

/// <summary>A signature on a written agreement.</summary>
/// <param name="Signer">A party's id, <c>mediator</c> or <c>seal</c>.</param>
/// <param name="Name">The party's name, or <c>mediator</c> / <c>seal</c>.</param>
/// <param name="SignedAt">When.</param>
internal sealed record SignatureView(string Signer, string Name, DateTimeOffset SignedAt)
{
    public static SignatureView From(OutcomeSignature signature, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new(signature.Signer, AgreementContent.SignerName(dispute, signature.Signer), signature.SignedAt);
    }
}

/// <summary>Someone who has yet to sign a written agreement.</summary>
/// <param name="Signer">A party's id, <c>mediator</c> or <c>seal</c>.</param>
/// <param name="Name">The party's name, or <c>mediator</c> / <c>seal</c>.</param>
internal sealed record SignerView(string Signer, string Name);

/// <summary>A written agreement the mediator proposed, awaiting signatures (not yet in force; the case is still in mediation).</summary>
/// <param name="Id">The proposal's id.</param>
/// <param name="StepId">The mediation step it was proposed in.</param>
/// <param name="ProposedAt">When the mediator proposed it.</param>
/// <param name="Facts">The basic facts, the matters in dispute and each party's responsibility.</param>
/// <param name="Terms">The terms, how and by when they are performed.</param>
/// <param name="Signatures">Signatures, fingerprints and the seal so far.</param>
/// <param name="AwaitingSignatures">Who has yet to sign: parties, <c>mediator</c>, <c>seal</c>. The last of them puts it in force.</param>
internal sealed record AgreementProposalView(
    Guid Id,
    string StepId,
    DateTimeOffset ProposedAt,
    string Facts,
    string Terms,
    IReadOnlyList<SignatureView> Signatures,
    IReadOnlyList<SignerView> AwaitingSignatures)
{
    public static AgreementProposalView From(AgreementProposal proposal, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(dispute);
        return new AgreementProposalView(
            proposal.Id,
            proposal.StepId,
            proposal.ProposedAt,
            proposal.Facts,
            proposal.Terms,
            [.. proposal.Signatures.Select(s => SignatureView.From(s, dispute))],
            [.. AgreementContent.Missing(dispute, proposal.Signatures).Select(s => new SignerView(s, AgreementContent.SignerName(dispute, s)))]);
    }
}
