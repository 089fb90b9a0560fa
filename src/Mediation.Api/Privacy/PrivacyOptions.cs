namespace Mediation.Api.Privacy;

/// <summary><c>Privacy:*</c>: how long the access log and closed cases' personal data are kept. Validated at start-up.</summary>
internal sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>The access log is kept at least six months (个人信息保护法; 网络安全法 Art. 21): never below this.</summary>
    public const int MinimumAccessLogRetentionDays = 180;

    /// <summary>Closed cases are never anonymised sooner: the judicial confirmation window (30 days) must have passed.</summary>
    public const int MinimumAnonymiseAfterDays = 31;

    /// <summary>Days an access-log entry is kept; at least <see cref="MinimumAccessLogRetentionDays"/>.</summary>
    public int AccessLogRetentionDays { get; set; } = 365;

    /// <summary>Days after a case's last activity once closed before its personal data is anonymised.</summary>
    public int AnonymiseClosedAfterDays { get; set; } = 3 * 365;

    /// <summary>Run the retention job in the background (tests switch it off and run it by hand).</summary>
    public bool RunRetentionJob { get; set; } = true;

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>What an anonymised party's name becomes (the role is put in front of it).</summary>
    public string AnonymisedName { get; set; } = "（已匿名）";
}
