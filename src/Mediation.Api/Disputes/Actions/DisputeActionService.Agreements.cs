using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Disputes.Actions;

/// <summary>Agreements: recording one (written or oral), signing it, its taking effect, a party rejecting it.</summary>
internal sealed partial class DisputeActionService
{
    /// <summary>Template of the message to the mediator when a party rejects a proposed agreement.</summary>
    public const string AgreementRejectedTemplate = "agreement.rejected";

    /// <summary>
    /// A written agreement (Art. 29). With every signature and the seal it is in force at the last of them and the
    /// judicial confirmation window opens; otherwise it is recorded without an effective date and <c>confirm</c> completes it.
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

        var effectiveAt = AgreementContent.EffectiveAt(found.Dispute, signatures);
        var draft = new OutcomeDraft(AgreementForm.Written, facts, terms, null, signatures, effectiveAt);
        return await ApplyAsync(found, WorkflowEvent.AgreementReached(AgreementForm.Written, effectiveAt), new DisputeChange { Outcome = draft }, cancellationToken);
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
    /// A signature on the written agreement awaiting signatures: a party signs for themselves; the case's mediator
    /// records a paper signature or fingerprint of a party, their own signature or the seal. The last one makes the
    /// agreement take effect (<see cref="WorkflowEvent.AgreementTookEffect"/>), which opens the judicial confirmation window.
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

        var pending = await PendingAgreementAsync(found, cancellationToken);
        if (pending is null)
        {
            return NotAllowedNow("ActionNoPendingAgreement");
        }

        var now = Now;
        var validation = Validate();
        List<OutcomeSignature> added;
        if (found.IsParty)
        {
            if (request?.Signer is { Length: > 0 } || request?.SignedAt is not null)
            {
                // A party signs now and for themselves only.
                var own = found.OwnParties.Select(p => AgreementContent.PartySigner(p.Id)).ToHashSet(StringComparer.Ordinal);
                if (request.SignedAt is not null || AgreementContent.Normalise(request.Signer, found.Dispute) is not { } asked || !own.Contains(asked))
                {
                    return Forbidden("ActionOnlyOwnSignature", ActionRoutes.Confirm);
                }
            }

            added = [.. found.OwnParties.Select(p => new OutcomeSignature(AgreementContent.PartySigner(p.Id), now))];
        }
        else
        {
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

        if (added.Count == 0)
        {
            // A resident who filed the case for someone else but is no party: nothing to sign with.
            return Forbidden("ActionOnlyOwnSignature", ActionRoutes.Confirm);
        }

        if (added.FirstOrDefault(a => pending.Signatures.Any(s => s.Signer == a.Signer)) is { } twice)
        {
            return NotAllowedNow("ActionAlreadySigned", SignerName(found.Dispute, twice.Signer));
        }

        return await SignAsync(found, pending, added, "agreementSigned", cancellationToken);
    }

    /// <summary>The case's mediator attests that every signature and the seal are on the written agreement.</summary>
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

        var pending = await PendingAgreementAsync(found, cancellationToken);
        if (pending is null)
        {
            return NotAllowedNow("ActionNoPendingAgreement");
        }

        var added = AgreementContent.Missing(found.Dispute, pending.Signatures).Select(s => new OutcomeSignature(s, at)).ToList();
        return await SignAsync(found, pending, added, "agreementAttested", cancellationToken);
    }

    /// <summary>
    /// A party rejects a proposed agreement — the settlement under discussion in mediation, or the written agreement
    /// awaiting their signature. Recorded on the timeline and sent to the mediator; the case stays where it is.
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

        var pending = await PendingAgreementAsync(found, cancellationToken);
        if (pending is null && found.Dispute.Phase != CasePhase.InMediation)
        {
            return NotAllowedNow("ActionNothingToReject");
        }

        AddTimeline(found, "agreementRejected", reason, new
        {
            outcomeId = pending?.Id,
            parties = found.OwnParties.Select(p => p.Id).ToList(),
        });
        Notify(found, Participant.Mediator, AgreementRejectedTemplate);
        return await SaveBesideWorkflowAsync(found, cancellationToken) is { } conflict
            ? conflict
            : TypedResults.Ok(await ViewAsync(found.Dispute, cancellationToken));
    }

    /// <summary>Adds signatures to the pending agreement; when none is missing any more the agreement takes effect.</summary>
    private async Task<Results<Ok<DisputeView>, ValidationProblem, ProblemHttpResult>> SignAsync(
        ActionCase found, OutcomeRecord pending, List<OutcomeSignature> added, string eventName, CancellationToken cancellationToken)
    {
        // The record is not finished until it is in force, so it is completed in place (a new list: the column compares by reference).
        pending.Signatures = [.. pending.Signatures, .. added];
        AddTimeline(found, eventName, string.Join(", ", added.Select(a => SignerName(found.Dispute, a.Signer))), new
        {
            outcomeId = pending.Id,
            signatures = added,
        });
        if (AgreementContent.EffectiveAt(found.Dispute, pending.Signatures) is not { } effectiveAt)
        {
            return await SaveBesideWorkflowAsync(found, cancellationToken) is { } conflict
                ? conflict
                : TypedResults.Ok(await ViewAsync(found.Dispute, cancellationToken));
        }

        // The signatures and the event commit together: the workflow saves what this context tracks.
        pending.EffectiveAt = effectiveAt;
        return await ApplyAsync(found, WorkflowEvent.AgreementTookEffect(effectiveAt), new DisputeChange(), cancellationToken);
    }

    /// <summary>The newest written agreement of the case still awaiting signatures, while the case waits for it to take effect.</summary>
    private async Task<OutcomeRecord?> PendingAgreementAsync(ActionCase found, CancellationToken cancellationToken)
    {
        var dispute = found.Dispute;
        if (dispute.Phase != CasePhase.FollowUp || dispute.State.AgreementEffectiveAt is not null)
        {
            return null;
        }

        var candidates = await db.Outcomes
            .Where(o => o.DisputeId == dispute.Id && o.Kind == OutcomeKind.Agreement && o.AgreementForm == AgreementForm.Written
                && o.EffectiveAt == null && o.SupersededById == null)
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(o => o.CreatedAt.UtcTicks).FirstOrDefault();
    }

    private static string SignerName(Dispute dispute, string signer) =>
        Guid.TryParse(signer, out var partyId) && dispute.Parties.FirstOrDefault(p => p.Id == partyId) is { } party ? party.Name : signer;
}
