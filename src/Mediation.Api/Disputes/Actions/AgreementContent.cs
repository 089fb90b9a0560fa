using System.Globalization;
using Mediation.Api.Data.Entities;

namespace Mediation.Api.Disputes.Actions;

/// <summary>
/// The content of a written agreement (人民调解法 Art. 29) and its signatures. The parties are the case's parties; the
/// agreement takes effect when every party has signed (or put a fingerprint on it), the mediator has signed and the
/// committee's seal is on it, at the last of those.
/// </summary>
internal static class AgreementContent
{
    public const string MediatorSigner = "mediator";
    public const string SealSigner = "seal";

    // The document itself is Chinese (调解协议书): each part is stored on its own line after its label, and the printed
    // agreement (Web/Workbench/AgreementDocument) splits the columns back by these same labels.
    public const string FactsLabel = "基本事实：";
    public const string MattersLabel = "争议事项：";
    public const string ResponsibilityLabel = "各方责任：";
    public const string TermsLabel = "协议内容：";
    public const string PerformanceLabel = "履行方式：";
    public const string PerformByLabel = "履行期限：";

    /// <summary>Each part, so that the composed texts fit their 8000-character columns.</summary>
    public const int MaxPartLength = 2600;

    /// <summary>The record's two texts from the request: facts, matters in dispute and responsibility; terms, how and by when performed.</summary>
    public static (string Facts, string Terms) Read(AgreementRequest? request, ActionValidation validation, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(validation);
        var facts = validation.Required(request?.Facts, prefix + "facts", MaxPartLength);
        var matters = validation.Required(request?.MattersInDispute, prefix + "mattersInDispute", MaxPartLength);
        var responsibility = validation.Required(request?.Responsibility, prefix + "responsibility", MaxPartLength);
        var terms = validation.Required(request?.Terms, prefix + "terms", MaxPartLength);
        var performance = validation.Required(request?.Performance, prefix + "performance", MaxPartLength);
        if (request?.PerformBy is not { } performBy)
        {
            validation.Add(prefix + "performBy", "ActionFieldRequired");
            return (string.Empty, string.Empty);
        }

        return (
            $"{FactsLabel}{facts}\n{MattersLabel}{matters}\n{ResponsibilityLabel}{responsibility}",
            string.Create(CultureInfo.InvariantCulture, $"{TermsLabel}{terms}\n{PerformanceLabel}{performance}\n{PerformByLabel}{performBy:yyyy-MM-dd}"));
    }

    /// <summary>Everyone who must sign: each party by id, the mediator and the seal.</summary>
    public static IReadOnlyList<string> RequiredSigners(Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return [.. dispute.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p => PartySigner(p.Id)), MediatorSigner, SealSigner];
    }

    public static string PartySigner(Guid partyId) => partyId.ToString("D");

    /// <summary>The signer as stored: a party id in canonical form, <c>mediator</c> or <c>seal</c>; null when it is none of the case's.</summary>
    public static string? Normalise(string? signer, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        var value = signer?.Trim();
        if (string.Equals(value, MediatorSigner, StringComparison.OrdinalIgnoreCase))
        {
            return MediatorSigner;
        }

        if (string.Equals(value, SealSigner, StringComparison.OrdinalIgnoreCase))
        {
            return SealSigner;
        }

        return Guid.TryParse(value, out var partyId) && dispute.Parties.Any(p => p.Id == partyId) ? PartySigner(partyId) : null;
    }

    /// <summary>Signatures given with the agreement, checked: known signers, each once, none in the future.</summary>
    public static List<OutcomeSignature> ReadSignatures(IReadOnlyList<SignatureInput>? inputs, Dispute dispute, DateTimeOffset now, ActionValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var signatures = new List<OutcomeSignature>();
        for (var i = 0; i < (inputs?.Count ?? 0); i++)
        {
            var input = inputs![i];
            var path = string.Create(CultureInfo.InvariantCulture, $"signatures[{i}]");
            var signer = Normalise(input?.Signer, dispute);
            if (signer is null)
            {
                validation.Add(path + ".signer", "ActionSignerUnknown", input?.Signer ?? string.Empty);
                continue;
            }

            if (signatures.Any(s => s.Signer == signer))
            {
                validation.Add(path + ".signer", "ActionSignerDuplicate", signer);
                continue;
            }

            var signedAt = input!.SignedAt ?? now;
            if (signedAt > now)
            {
                validation.Add(path + ".signedAt", "ActionSignedInFuture");
                continue;
            }

            signatures.Add(new OutcomeSignature(signer, signedAt));
        }

        return signatures;
    }

    /// <summary>Who has yet to sign.</summary>
    public static IReadOnlyList<string> Missing(Dispute dispute, IEnumerable<OutcomeSignature> signatures)
    {
        var signed = signatures.Select(s => s.Signer).ToHashSet(StringComparer.Ordinal);
        return [.. RequiredSigners(dispute).Where(s => !signed.Contains(s))];
    }

    /// <summary>A signer as people read it: the party's name, or <c>mediator</c> / <c>seal</c>.</summary>
    public static string SignerName(Dispute dispute, string signer)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return Guid.TryParse(signer, out var partyId) && dispute.Parties.FirstOrDefault(p => p.Id == partyId) is { } party ? party.Name : signer;
    }

    /// <summary>When the agreement took effect: the last signature, once nobody is missing; null before.</summary>
    public static DateTimeOffset? EffectiveAt(Dispute dispute, IReadOnlyCollection<OutcomeSignature> signatures) =>
        Missing(dispute, signatures).Count == 0 ? signatures.Max(s => s.SignedAt) : null;
}
