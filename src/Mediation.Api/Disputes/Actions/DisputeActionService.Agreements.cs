using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// Agreements. A written agreement (调解协议书) is in force once every party has signed or put a fingerprint on it, the
/// mediator has signed and the committee has sealed it (人民调解法 Art. 29). Until then it is a proposal
/// (<see cref="AgreementProposal"/>), kept beside the workflow: the workflow is not told and the case stays in mediation.
/// Parties sign it with <c>confirm</c> or reject it with <c>reject-agreement</c>; the case's mediator records their own
/// signature, the seal or a paper signature with <c>confirm</c>, or attests a paper copy signed by all in person with
/// <c>agreement-effective</c>. The last signature tells the workflow that the agreement was reached, in force at that
/// signature: it writes the agreement's outcome record and opens the judicial confirmation window from that date. An oral
/// agreement (Art. 28, 30) is in force at once.
/// </summary>
internal sealed partial class DisputeActionService
{
    /// <summary>Template of the message to the mediator when a party rejects a proposed agreement.</summary>
    public const string AgreementRejectedTemplate = "agreement.rejected";

    public const string AgreementProposedEvent = "agreementProposed";
    public const string AgreementSignedEvent = "agreementSigned";
    public const string AgreementAttestedEvent = "agreementAttested";
    public const string AgreementRejectedEvent = "agreementRejected";

    /// <summary>
    /// A written agreement (Art. 29) drawn up by the case's mediator. With every signature and the seal it is in force at
    /// the last of them and goes to the workflow at once; otherwise it is stored as a proposal (replacing an open one),
    /// the parties are told it is ready to sign, and the case stays in mediation.
    /// </summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordAgreementAsync(
        Guid disputeId, AgreementRequest? request, CancellationToken cancellationToken)
    {
        var validation = Validate();
        var (facts, terms) = AgreementContent.Read(request, validation);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (ActionRules.CaseMediator(found) is { } forbidden)
        {
            return Forbidden(forbidden, DisputeActions.Agreement);
        }

        var now = Now;
        var signatures = AgreementContent.ReadSignatures(request!.Signatures, found.Dispute, now, validation);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        if (!found.CanConcludeAgreement)
        {
            return AgreementNotPossibleNow(found);
        }

        // A new text replaces the open proposal: signatures on the old text do not carry over.
        var replaced = await OpenProposalAsync(found.Dispute.Id, cancellationToken);
        if (replaced is not null)
        {
            replaced.Status = ProposalStatus.Superseded;
            replaced.ClosedAt = now;
        }

        if (AgreementContent.EffectiveAt(found.Dispute, signatures) is { } effectiveAt)
        {
            // Signed by all and sealed on paper already: in force at the last signature.
            var draft = new OutcomeDraft(AgreementForm.Written, facts, terms, null, signatures, effectiveAt);
            return await ApplyAsync(found, WorkflowEvent.AgreementReached(AgreementForm.Written, effectiveAt), new DisputeChange { Outcome = draft }, cancellationToken);
        }

        var proposal = new AgreementProposal
        {
            Id = Guid.NewGuid(),
            DisputeId = found.Dispute.Id,
            StepId = found.Dispute.StepId,
            Status = ProposalStatus.Proposed,
            ProposedAt = now,
            ProposedByUserId = Actor.UserId,
            Facts = facts,
            Terms = terms,
            Signatures = signatures,
        };
        db.AgreementProposals.Add(proposal);
        AddTimeline(found, AgreementProposedEvent, null, new
        {
            proposalId = proposal.Id,
            supersedes = replaced?.Id,
            signed = signatures.Select(s => s.Signer).ToList(),
            awaiting = AgreementContent.Missing(found.Dispute, signatures),
        });
        Notify(found, Participant.AllParties, NotificationTemplates.AgreementReady);
        return await SaveAndViewAsync(found, cancellationToken);
    }

    /// <summary>An oral agreement the mediator records (Art. 28, 30): in force at once.</summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RecordOralAgreementAsync(
        Guid disputeId, OralAgreementRequest? request, CancellationToken cancellationToken)
    {
        var validation = Validate();
        var content = validation.Required(request?.Content, "content", 8000);
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        return await RunAsync(disputeId, ActionRoutes.OralAgreement, ActionRules.CaseMediator, _ =>
        {
            var now = Now;
            var draft = new OutcomeDraft(AgreementForm.Oral, null, content, null, [], now);
            return (WorkflowEvent.AgreementReached(AgreementForm.Oral, now), new DisputeChange { Outcome = draft });
        }, cancellationToken);
    }

    /// <summary>
    /// A signature on the open proposal: a party signs for themselves, now; the case's mediator records their own
    /// signature, the committee's seal, or a party's signature or fingerprint on paper (with when it was made). The last
    /// one puts the agreement in force.
    /// </summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        Guid disputeId, ConfirmRequest? request, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (ActionRules.PartyOrCaseMediator(found) is { } forbidden)
        {
            return Forbidden(forbidden, ActionRoutes.Confirm);
        }

        if (found.IsParty)
        {
            // A party signs now and for themselves only; a resident who filed for someone else has nothing to sign with.
            var own = found.OwnParties.Select(p => AgreementContent.PartySigner(p.Id)).ToHashSet(StringComparer.Ordinal);
            var signsForOthers = request?.Signer is { Length: > 0 }
                && (AgreementContent.Normalise(request.Signer, found.Dispute) is not { } asked || !own.Contains(asked));
            if (own.Count == 0 || signsForOthers || request?.SignedAt is not null)
            {
                return Forbidden("ActionOnlyOwnSignature", ActionRoutes.Confirm);
            }
        }

        var proposal = await OpenProposalAsync(found.Dispute.Id, cancellationToken);
        if (proposal is null)
        {
            return NotAllowedNow("ActionNoPendingAgreement");
        }

        if (!found.CanConcludeAgreement)
        {
            return AgreementNotPossibleNow(found);
        }

        var now = Now;
        List<OutcomeSignature> added;
        if (found.IsParty)
        {
            added = [.. found.OwnParties.Select(p => new OutcomeSignature(AgreementContent.PartySigner(p.Id), now))];
        }
        else
        {
            var validation = Validate();
            var signer = AgreementContent.Normalise(request?.Signer, found.Dispute);
            if (signer is null)
            {
                validation.Add("signer", "ActionSignerUnknown", request?.Signer ?? string.Empty);
            }

            var signedAt = request?.SignedAt ?? now;
            if (signedAt > now)
            {
                validation.Add("signedAt", "ActionSignedInFuture");
            }

            if (!validation.IsValid)
            {
                return Invalid(validation);
            }

            added = [new OutcomeSignature(signer!, signedAt)];
        }

        if (added.FirstOrDefault(a => proposal.Signatures.Any(s => s.Signer == a.Signer)) is { } twice)
        {
            return NotAllowedNow("ActionAlreadySigned", AgreementContent.SignerName(found.Dispute, twice.Signer));
        }

        return await SignAsync(found, proposal, added, AgreementSignedEvent, cancellationToken);
    }

    /// <summary>
    /// The case's mediator attests that a paper copy of the open proposal was signed by every party, the mediator and
    /// sealed in person: the missing signatures are recorded at <see cref="AgreementEffectiveRequest.EffectiveAt"/> and
    /// the agreement is in force. Cases that reached follow-up with a written agreement not yet in force (recorded before
    /// proposals existed) are completed the same way.
    /// </summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> AgreementEffectiveAsync(
        Guid disputeId, AgreementEffectiveRequest? request, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (ActionRules.CaseMediator(found) is { } forbidden)
        {
            return Forbidden(forbidden, DisputeActions.AgreementEffective);
        }

        var now = Now;
        var at = request?.EffectiveAt ?? now;
        if (at > now)
        {
            var validation = Validate();
            validation.Add("effectiveAt", "ActionSignedInFuture");
            return Invalid(validation);
        }

        if (await OpenProposalAsync(found.Dispute.Id, cancellationToken) is { } proposal)
        {
            if (!found.CanConcludeAgreement)
            {
                return AgreementNotPossibleNow(found);
            }

            var missing = AgreementContent.Missing(found.Dispute, proposal.Signatures).Select(s => new OutcomeSignature(s, at)).ToList();
            return await SignAsync(found, proposal, missing, AgreementAttestedEvent, cancellationToken);
        }

        if (!found.Permits(WorkflowEventType.AgreementTookEffect) || await AgreementAwaitingEffectAsync(found, cancellationToken) is not { } record)
        {
            return NotAllowedNow("ActionNoPendingAgreement");
        }

        // The record is not finished until it is in force, so it is completed in place (a new list: the column compares by reference).
        var added = AgreementContent.Missing(found.Dispute, record.Signatures).Select(s => new OutcomeSignature(s, at)).ToList();
        record.Signatures = [.. record.Signatures, .. added];
        var effectiveAt = AgreementContent.EffectiveAt(found.Dispute, record.Signatures)!.Value;
        record.EffectiveAt = effectiveAt;
        AddTimeline(found, AgreementAttestedEvent, SignerNames(found.Dispute, added), new { outcomeId = record.Id, signatures = added });
        return await ApplyAsync(found, WorkflowEvent.AgreementTookEffect(effectiveAt), new DisputeChange(), cancellationToken);
    }

    /// <summary>
    /// A party who has not signed rejects the open proposal: it is closed as rejected, the mediator is told, and the case
    /// stays in mediation, where the mediator may propose again.
    /// </summary>
    public async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> RejectAgreementAsync(
        Guid disputeId, NoteRequest? request, CancellationToken cancellationToken)
    {
        var validation = Validate();
        var reason = validation.Optional(request?.Reason, "reason");
        if (!validation.IsValid)
        {
            return Invalid(validation);
        }

        var found = await LoadAsync(disputeId, cancellationToken);
        if (found is null)
        {
            return DisputeNotFound();
        }

        if (ActionRules.Party(found) is { } forbidden)
        {
            return Forbidden(forbidden, ActionRoutes.RejectAgreement);
        }

        var proposal = await OpenProposalAsync(found.Dispute.Id, cancellationToken);
        if (proposal is null)
        {
            return NotAllowedNow("ActionNothingToReject");
        }

        if (!found.CanConcludeAgreement)
        {
            return AgreementNotPossibleNow(found);
        }

        if (ActionAvailability.HasSigned(found, proposal))
        {
            return NotAllowedNow("ActionSignedCannotReject");
        }

        proposal.Status = ProposalStatus.Rejected;
        proposal.ClosedAt = Now;
        proposal.RejectedByUserId = Actor.UserId;
        proposal.RejectionReason = reason;
        AddTimeline(found, AgreementRejectedEvent, reason, new
        {
            proposalId = proposal.Id,
            parties = found.OwnParties.Select(p => p.Id).ToList(),
        });
        Notify(found, Participant.Mediator, AgreementRejectedTemplate);
        return await SaveAndViewAsync(found, cancellationToken);
    }

    /// <summary>The proposal of the case awaiting signatures, if any (at most one is open; the newest wins should there be more).</summary>
    public async Task<AgreementProposal?> OpenProposalAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var open = await db.AgreementProposals
            .Where(p => p.DisputeId == disputeId && p.Status == ProposalStatus.Proposed)
            .ToListAsync(cancellationToken);
        return open.OrderByDescending(p => p.ProposedAt.UtcTicks).FirstOrDefault();
    }

    /// <summary>
    /// Adds signatures to the proposal. While some are missing that is all; the last one puts the agreement in force:
    /// the proposal becomes effective and, in the same transaction, the workflow is told the agreement was reached at
    /// that signature and writes its outcome record, authored by the mediator who drew it up.
    /// </summary>
    private async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> SignAsync(
        ActionCase found, AgreementProposal proposal, List<OutcomeSignature> added, string eventName, CancellationToken cancellationToken)
    {
        // A new list: the column compares by reference.
        proposal.Signatures = [.. proposal.Signatures, .. added];
        AddTimeline(found, eventName, SignerNames(found.Dispute, added), new { proposalId = proposal.Id, signatures = added });
        if (AgreementContent.EffectiveAt(found.Dispute, proposal.Signatures) is not { } effectiveAt)
        {
            return await SaveAndViewAsync(found, cancellationToken);
        }

        proposal.Status = ProposalStatus.Effective;
        proposal.EffectiveAt = effectiveAt;
        proposal.ClosedAt = Now;
        var draft = new OutcomeDraft(AgreementForm.Written, proposal.Facts, proposal.Terms, null, proposal.Signatures, effectiveAt, proposal.Id, proposal.ProposedByUserId);
        return await ApplyAsync(found, WorkflowEvent.AgreementReached(AgreementForm.Written, effectiveAt), new DisputeChange { Outcome = draft }, cancellationToken);
    }

    /// <summary>409 with the workflow's own explanation of why no agreement can be concluded now (a dry run: nothing is applied).</summary>
    private ProblemHttpResult AgreementNotPossibleNow(ActionCase found)
    {
        var decision = found.Workflow is null
            ? null
            : WorkflowEngine.Decide(found.Workflow, found.Dispute.State, found.Dispute.ToFacts(), WorkflowEvent.AgreementReached(AgreementForm.Written), Now);
        return NotAllowedNow(decision is { Applied: false } ? decision.Problem : null);
    }

    /// <summary>A written agreement record in follow-up still without an effective date: how the case was left before proposals existed.</summary>
    private async Task<OutcomeRecord?> AgreementAwaitingEffectAsync(ActionCase found, CancellationToken cancellationToken)
    {
        var dispute = found.Dispute;
        var candidates = await db.Outcomes
            .Where(o => o.DisputeId == dispute.Id && o.Kind == OutcomeKind.Agreement && o.AgreementForm == AgreementForm.Written
                && o.EffectiveAt == null && o.SupersededById == null)
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(o => o.CreatedAt.UtcTicks).FirstOrDefault();
    }

    private async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> SaveAndViewAsync(ActionCase found, CancellationToken cancellationToken) =>
        await SaveBesideWorkflowAsync(found, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(await ViewAsync(found.Dispute, cancellationToken));

    private static string SignerNames(Dispute dispute, IEnumerable<OutcomeSignature> signatures) =>
        string.Join(", ", signatures.Select(s => AgreementContent.SignerName(dispute, s.Signer)));
}
