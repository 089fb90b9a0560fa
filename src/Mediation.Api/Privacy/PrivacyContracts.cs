using Mediation.Api.Data.Entities;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Api.Privacy;

/// <summary>Body of <c>POST /api/disputes/{id}/parties/{partyId}/full-details</c>.</summary>
/// <param name="Reason">Why the staff member needs the full data (recorded in the access log), 5–500 characters.</param>
internal sealed record FullDetailsRequest(string? Reason);

/// <summary>A party's full personal data, unmasked. Every read is in the access log.</summary>
/// <param name="Id">The party.</param>
/// <param name="Role">applicant or respondent.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Full phone number.</param>
/// <param name="IdNumber">Full ID number.</param>
/// <param name="Address">Address.</param>
/// <param name="AccessLogId">The access-log entry this read wrote.</param>
internal sealed record PartyDetailsView(Guid Id, PartyRole Role, string Name, string? Phone, string? IdNumber, string? Address, long AccessLogId);

/// <summary>One access-log entry.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="At">When.</param>
/// <param name="ActorUserId">Who (user id).</param>
/// <param name="ActorUserName">Who (user name), when the account still exists.</param>
/// <param name="ActorRole">In which role.</param>
/// <param name="DisputeId">Which case.</param>
/// <param name="DisputeReference">Its reference.</param>
/// <param name="PartyId">Which party.</param>
/// <param name="Reason">Why.</param>
internal sealed record PersonalDataAccessView(
    long Id, DateTimeOffset At, string ActorUserId, string? ActorUserName, string ActorRole, Guid DisputeId, string DisputeReference, Guid PartyId, string Reason);

/// <summary>Filters and paging of the access log.</summary>
/// <param name="UserName">Entries by this user name.</param>
/// <param name="DisputeId">Entries about this case.</param>
/// <param name="Reference">Entries about the case with this reference.</param>
/// <param name="PartyId">Entries about this party.</param>
/// <param name="From">Entries at or after this instant.</param>
/// <param name="To">Entries before this instant.</param>
/// <param name="Page">1-based page, default 1.</param>
/// <param name="PageSize">Items per page, default 20, at most 100.</param>
internal sealed record AccessLogQuery(
    [FromQuery(Name = "userName")] string? UserName,
    [FromQuery(Name = "disputeId")] Guid? DisputeId,
    [FromQuery(Name = "reference")] string? Reference,
    [FromQuery(Name = "partyId")] Guid? PartyId,
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize);

/// <summary>Which parties consented to publication and whether all have.</summary>
/// <param name="DisputeId">The case.</param>
/// <param name="ConsentedParties">Parties who consented.</param>
/// <param name="AllConsented">True when the case may count in public figures although it is closed mediation.</param>
internal sealed record PublicationConsentView(Guid DisputeId, IReadOnlyList<Guid> ConsentedParties, bool AllConsented);
