namespace Mediation.Api.Disputes.Sessions;

/// <summary>The minutes of a mediation session (调解笔录) as the mediator records them.</summary>
internal sealed class SessionRequest
{
    public const int MaxPlaceLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxDiscussionLength = 8000;

    /// <summary>When the session was held: date and time with offset, never in the future nor before the minute the dispute was filed.</summary>
    /// <example>2026-03-03T14:30:00+08:00</example>
    public DateTimeOffset? HeldAt { get; init; }

    /// <summary>Where it was held (at most 200 characters).</summary>
    /// <example>新华第1社区人民调解室</example>
    public string? Place { get; init; }

    /// <summary>Who attended (at most 2000 characters).</summary>
    /// <example>申请人张伟、被申请人王芳、调解员李明</example>
    public string? Attendees { get; init; }

    /// <summary>What was discussed (at most 8000 characters).</summary>
    /// <example>双方陈述装修噪音的起止时间和造成的影响；被申请人表示愿意调整施工时间。</example>
    public string? Discussion { get; init; }

    /// <summary>What came of it (at most 2000 characters).</summary>
    /// <example>双方同意三日后再次协商赔偿数额。</example>
    public string? Result { get; init; }
}

/// <summary>The minutes of one mediation session.</summary>
/// <param name="Id">The minutes' id.</param>
/// <param name="StepId">The step the case was at.</param>
/// <param name="HeldAt">When the session was held.</param>
/// <param name="Place">Where.</param>
/// <param name="Attendees">Who attended.</param>
/// <param name="Discussion">What was discussed.</param>
/// <param name="Result">What came of it.</param>
/// <param name="RecordedAt">When the minutes were recorded.</param>
/// <param name="RecordedBy">The name of the mediator who recorded them, if known.</param>
internal sealed record SessionView(
    Guid Id,
    string StepId,
    DateTimeOffset HeldAt,
    string Place,
    string Attendees,
    string Discussion,
    string Result,
    DateTimeOffset RecordedAt,
    string? RecordedBy);
