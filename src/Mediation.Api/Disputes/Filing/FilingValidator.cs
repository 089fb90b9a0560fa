using System.Globalization;
using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Disputes.Filing;

/// <summary>Checks a filing field by field; every problem is reported at its JSON path in the caller's language.</summary>
internal sealed class FilingValidator(MediationDbContext db, IStringLocalizer<ApiMessages> text, TimeProvider clock)
{
    public const int MaxDescription = 4000;
    public const int MaxRequest = 2000;
    public const int MaxName = 100;
    public const int MaxAddress = 200;
    public const int MaxRespondents = 20;
    public const int MaxTags = 10;
    public const int MaxTag = 32;

    /// <summary>Claimed amounts are stored as decimal(18, 2).</summary>
    public const decimal MaxClaimedAmount = 9_999_999_999_999_999.99m;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public async Task<Dictionary<string, string[]>> ValidateAsync(FileDisputeRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        _errors.Clear();

        if (string.IsNullOrWhiteSpace(request.Category))
        {
            Add("category", text["FieldRequired"]);
        }
        else if (!DisputeCategories.All.Contains(request.Category))
        {
            Add("category", text["CategoryUnknown", request.Category, string.Join(", ", DisputeCategories.All.Order(StringComparer.Ordinal))]);
        }

        Text("description", request.Description, MaxDescription, required: true);
        Text("request", request.Request, MaxRequest, required: true);

        if (string.IsNullOrWhiteSpace(request.LocationCode))
        {
            Add("locationCode", text["FieldRequired"]);
        }
        else
        {
            var code = request.LocationCode.Trim();
            var exists = code.Length <= 32 && await db.Organisations.AnyAsync(o => o.Code == code && o.Kind == OrganisationKind.Village && o.Active, cancellationToken);
            if (!exists)
            {
                Add("locationCode", text["LocationUnknown", code]);
            }
        }

        if (request.Applicant is null)
        {
            Add("applicant", text["FieldRequired"]);
        }
        else
        {
            Party("applicant", request.Applicant, phoneRequired: true);
        }

        if (request.Respondents is null || request.Respondents.Count == 0)
        {
            Add("respondents", text["RespondentsRequired"]);
        }
        else if (request.Respondents.Count > MaxRespondents)
        {
            Add("respondents", text["TooManyItems", MaxRespondents]);
        }
        else
        {
            for (var i = 0; i < request.Respondents.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"respondents[{i}]");
                if (request.Respondents[i] is { } respondent)
                {
                    Party(path, respondent, phoneRequired: false);
                }
                else
                {
                    Add(path, text["FieldRequired"]);
                }
            }
        }

        if (request.ClaimedAmount is { } amount && (amount < 0 || amount > MaxClaimedAmount || decimal.Round(amount, 2) != amount))
        {
            Add("claimedAmount", text["ClaimedAmountInvalid"]);
        }

        Channel(request.Channel, actor);
        Tags(request.Tags);

        if (request.ReceivedAt is { } receivedAt)
        {
            if (!actor.IsStaff)
            {
                Add("receivedAt", text["ReceivedAtStaffOnly"]);
            }
            else if (receivedAt > clock.GetUtcNow())
            {
                Add("receivedAt", text["ReceivedAtInFuture"]);
            }
        }

        if (request.ConsentToNotice != true)
        {
            Add("consentToNotice", text["ConsentRequired"]);
        }

        return _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private void Party(string path, PartyInput party, bool phoneRequired)
    {
        Text($"{path}.name", party.Name, MaxName, required: true);
        if (string.IsNullOrWhiteSpace(party.Phone))
        {
            if (phoneRequired)
            {
                Add($"{path}.phone", text["FieldRequired"]);
            }
        }
        else if (!PartyIdentifiers.IsMobile(party.Phone.Trim()))
        {
            Add($"{path}.phone", text["PhoneInvalid"]);
        }

        if (!string.IsNullOrWhiteSpace(party.IdNumber))
        {
            var idNumber = party.IdNumber.Trim();
            if (!PartyIdentifiers.IsIdNumberShape(idNumber))
            {
                Add($"{path}.idNumber", text["IdNumberInvalid"]);
            }
            else if (!PartyIdentifiers.HasValidCheckDigit(idNumber))
            {
                Add($"{path}.idNumber", text["IdNumberCheckDigit"]);
            }
        }

        Text($"{path}.address", party.Address, MaxAddress, required: false);
    }

    private void Channel(string? channel, Actor actor)
    {
        if (channel is null)
        {
            if (actor.IsStaff)
            {
                Add("channel", text["FieldRequired"]);
            }

            return;
        }

        if (!Channels.All.Contains(channel))
        {
            Add("channel", text["ChannelUnknown", channel, string.Join(", ", Channels.All.Order(StringComparer.Ordinal))]);
        }
        else if (!actor.IsStaff && channel != Channels.Online)
        {
            Add("channel", text["ChannelResidentOnline"]);
        }
    }

    private void Tags(IReadOnlyList<string>? tags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTags)
        {
            Add("tags", text["TooManyItems", MaxTags]);
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            Text(string.Create(CultureInfo.InvariantCulture, $"tags[{i}]"), tags[i], MaxTag, required: true);
        }
    }

    private void Text(string path, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(path, text["FieldRequired"]);
            }
        }
        else if (value.Trim().Length > max)
        {
            Add(path, text["FieldTooLong", max]);
        }
    }

    private void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            _errors[path] = list = [];
        }

        list.Add(message);
    }
}
