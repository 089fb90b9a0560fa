using Mediation.Api.Disputes.Contracts;

namespace Mediation.Api.Hotline;

/// <summary>A 12345 work order the hotline system hands over for mediation (工单转办).</summary>
internal sealed class HotlineWorkOrderRequest
{
    /// <summary>The hotline's work-order number (1–64 letters, digits, hyphens, underscores); the same number delivered again files nothing new.</summary>
    /// <example>12345-20260302-000123</example>
    public string? OrderNumber { get; init; }

    /// <summary>When the hotline received the call (not in the future); deadlines counted from receipt start here.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Dispute category, as for a filing (neighbour, family, …).</summary>
    /// <example>neighbour</example>
    public string? Category { get; init; }

    /// <summary>What the caller reported.</summary>
    /// <example>来电人反映楼上住户装修噪音扰民，协商未果。</example>
    public string? Description { get; init; }

    /// <summary>What the caller asks for.</summary>
    /// <example>请求协调对方在规定时间内施工。</example>
    public string? Request { get; init; }

    /// <summary>Code of the village or community where the dispute arose (12 digits).</summary>
    /// <example>150302001001</example>
    public string? LocationCode { get; init; }

    /// <summary>The caller, who becomes the applicant (mobile number required).</summary>
    public PartyInput? Applicant { get; init; }

    /// <summary>The other side: at least one.</summary>
    public IReadOnlyList<PartyInput>? Respondents { get; init; }

    /// <summary>The operator read the caller the notice of the parties' rights and duties; must be true.</summary>
    /// <example>true</example>
    public bool? ConsentToNotice { get; init; }

    /// <summary>The same content as a filing on channel <c>hotline</c>, for the filing path's validation and fingerprint.</summary>
    public FileDisputeRequest ToFiling() => new()
    {
        Category = Category,
        Description = Description,
        Request = Request,
        LocationCode = LocationCode,
        Applicant = Applicant,
        Respondents = Respondents,
        Channel = Mediation.Workflows.Runtime.Channels.Hotline,
        ReceivedAt = ReceivedAt,
        ConsentToNotice = ConsentToNotice,
    };
}

/// <summary>The dispute a work order became.</summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="OrderNumber">The work order.</param>
/// <param name="Duplicate">True when the order had been delivered before: nothing new was filed.</param>
internal sealed record HotlineWorkOrderAccepted(Guid DisputeId, string Reference, string OrderNumber, bool Duplicate);
