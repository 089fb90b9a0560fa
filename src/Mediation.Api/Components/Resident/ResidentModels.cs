using System.Globalization;
using Mediation.Api.Disputes.Contracts;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Components.Resident;

/// <summary>A village or community a dispute can be filed at, with the township and district that contain it.</summary>
/// <param name="Code">12-digit area code.</param>
/// <param name="Village">Its name.</param>
/// <param name="Township">The township or street.</param>
/// <param name="District">The district or county.</param>
public sealed record VillageOption(string Code, string Village, string Township, string District);

/// <summary>
/// What the filing form posts (static server rendering binds it with <c>[SupplyParameterFromForm]</c>); the page turns
/// it into the API's <see cref="FileDisputeRequest"/> so the web and the API apply the same validator and messages.
/// The evidence file is posted as <c>file</c>, the name the attachment endpoint reads.
/// </summary>
public sealed class FilingInput
{
    public string? Category { get; set; }

    public string? LocationCode { get; set; }

    /// <summary>The district chosen to narrow the township list (6-digit code); not part of the filing.</summary>
    public string? District { get; set; }

    /// <summary>The township chosen to narrow the village list (9-digit code); not part of the filing.</summary>
    public string? Township { get; set; }

    /// <summary><see cref="LocateIntent"/> when the form was posted to narrow the location lists rather than to file.</summary>
    public string? Intent { get; set; }

    public const string LocateIntent = "locate";

    /// <summary>
    /// After a narrowing post: a township outside the chosen district and a village outside the chosen township are
    /// dropped, so the lists stay consistent.
    /// </summary>
    public void KeepLocationConsistent()
    {
        if (!string.IsNullOrEmpty(District) && Township is { Length: > 0 } township && !township.StartsWith(District, StringComparison.Ordinal))
        {
            Township = null;
        }

        var area = string.IsNullOrEmpty(Township) ? District : Township;
        if (!string.IsNullOrEmpty(area) && LocationCode is { Length: > 0 } code && !code.StartsWith(area, StringComparison.Ordinal))
        {
            LocationCode = null;
        }
    }

    public string? ApplicantName { get; set; }

    public string? ApplicantPhone { get; set; }

    public string? RespondentName { get; set; }

    public string? RespondentPhone { get; set; }

    public string? RespondentAddress { get; set; }

    public string? Description { get; set; }

    public string? Request { get; set; }

    /// <summary>Yuan as typed; parsed with <see cref="TryParseAmount"/>.</summary>
    public string? ClaimedAmount { get; set; }

    public bool ClosedMediation { get; set; }

    public bool ConsentToNotice { get; set; }

    /// <summary>Made when the form is first shown and posted with it: a second submit of the same form files nothing new.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The claimed amount, or null when left empty; false when it is not a number.</summary>
    public bool TryParseAmount(out decimal? amount)
    {
        amount = null;
        var text = ClaimedAmount?.Trim().Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            amount = value;
            return true;
        }

        return false;
    }

    internal FileDisputeRequest ToRequest()
    {
        TryParseAmount(out var amount);
        return new FileDisputeRequest
        {
            Category = Blank(Category),
            LocationCode = Blank(LocationCode),
            Applicant = new PartyInput { Name = Blank(ApplicantName), Phone = Blank(ApplicantPhone) },
            Respondents = [new PartyInput { Name = Blank(RespondentName), Phone = Blank(RespondentPhone), Address = Blank(RespondentAddress) }],
            Description = Blank(Description),
            Request = Blank(Request),
            ClaimedAmount = amount,
            Channel = Channels.Online,
            ClosedMediation = ClosedMediation,
            ConsentToNotice = ConsentToNotice,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The rating form.</summary>
public sealed class RatingInput
{
    public int? Score { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A reason or note posted with an action (recusal, withdrawal, rejection).</summary>
public sealed class ReasonInput
{
    public string? Reason { get; set; }
}

/// <summary>A live deadline as the resident sees it.</summary>
/// <param name="Kind">consent, takeUp, resolution, judicialConfirmation or followUpVisit.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Overdue">Past due.</param>
/// <param name="WorkingDaysLeft">Working days left when the deadline counts working days.</param>
/// <param name="DaysLeft">Calendar days left when it counts natural days.</param>
/// <param name="Provisional">Estimated past the last year of holidays on file.</param>
public sealed record DeadlineInfo(string Kind, DateTimeOffset DueAt, bool Overdue, int? WorkingDaysLeft, int? DaysLeft, bool Provisional);

/// <summary>One line of "my disputes".</summary>
/// <param name="Id">The dispute.</param>
/// <param name="Reference">e.g. MT-2026-000123.</param>
/// <param name="Category">Category key.</param>
/// <param name="StepName">The workflow step's name in the reader's language.</param>
/// <param name="Status">open or closed.</param>
/// <param name="Phase">awaitingConsent, queued, inMediation, paused, followUp or closed.</param>
/// <param name="Organisation">The organisation handling it now.</param>
/// <param name="Mediator">The mediator handling it now.</param>
/// <param name="NextDeadline">The next deadline that moves the case.</param>
/// <param name="FiledAt">When it was filed.</param>
public sealed record DisputeCard(
    Guid Id, string Reference, string Category, string StepName, string Status, string Phase, string? Organisation, string? Mediator, DeadlineInfo? NextDeadline, DateTimeOffset FiledAt)
{
    internal static DisputeCard From(DisputeView view, CultureInfo culture) => new(
        view.Id,
        view.Reference,
        view.Category,
        view.Step.Name.For(culture),
        view.Status,
        ResidentFormat.CamelCase(view.Phase.ToString()),
        view.Organisation?.Name,
        view.Mediator?.Name,
        view.NextDeadline is { } next ? Deadline(next) : null,
        view.FiledAt);

    internal static DeadlineInfo Deadline(DisputeDeadlineView deadline) =>
        new(ResidentFormat.CamelCase(deadline.Kind.ToString()), deadline.DueAt, deadline.Overdue, deadline.WorkingDaysLeft, deadline.DaysLeft, deadline.Provisional);
}

/// <summary>Formatting shared by the resident components.</summary>
public static class ResidentFormat
{
    /// <summary>China Standard Time: deadlines end at 24:00 Asia/Shanghai, so dates are shown there.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Disputes.Filing.DisputeFiling.ChinaStandardTime);

    public static string Date(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The last day of a period: a deadline ends at 24:00 of its last day (China Standard Time), stored as 00:00 of the
    /// next, so a due time at midnight is shown as the day before.
    /// </summary>
    public static string DueDate(DateTimeOffset dueAt)
    {
        var local = Local(dueAt);
        return (local.TimeOfDay == TimeSpan.Zero ? local.AddDays(-1) : local).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string CamelCase(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);

    /// <summary>A form field name usable in a <c>data-testid</c>: <c>respondents[0].name</c> → <c>respondents-0-name</c>.</summary>
    public static string TestId(string field) =>
        new string([.. field.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-').Replace("--", "-", StringComparison.Ordinal);
}
