namespace Mediation.Api.Court;

/// <summary>
/// <c>Court:*</c>: the court platform's HTTP API for judicial confirmation and the venue map. The API key is a secret:
/// supply it through the environment (<c>Court__ApiKey</c>) or a secret store, never in a committed file.
/// </summary>
internal sealed class CourtOptions
{
    public const string Section = "Court";

    /// <summary>Send applications to the platform. Off: applications are prepared and queued, nothing is sent.</summary>
    public bool Enabled { get; set; }

    /// <summary>The platform's base URL, e.g. <c>https://court-platform.example/api/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer …</c>. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Shared secret of the court's callback (<c>POST /api/court/judicial-confirmations/callback</c>): the platform signs
    /// <c>{timestamp}.{body}</c> with HMAC-SHA256. Unset: callbacks are refused and answers come by polling only. A secret.
    /// </summary>
    public string? CallbackSecret { get; set; }

    /// <summary>How far a callback's timestamp may be from the service's clock (older ones are replays and refused).</summary>
    public TimeSpan CallbackTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one request may take before it counts as a timeout (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before an application is marked <c>SubmissionFailed</c> for staff to look at.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Delay after the first failed attempt; it doubles each time (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the court's answer is asked for while one is awaited.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run the background worker that submits and polls. Tests switch it off and call the worker by hand.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for due submissions and polls.</summary>
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The venue map (民事诉讼法 Art. 205: the basic people's court where the mediation organisation is located), keyed by
    /// area code: a district's code (<c>150302</c>) or a shorter prefix (<c>1503</c> for the whole city). The longest key
    /// that the mediation organisation's area code starts with wins.
    /// </summary>
    public Dictionary<string, CourtEntry> Courts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A court on the platform.</summary>
internal sealed class CourtEntry
{
    /// <summary>The court's code on the platform.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>Its name, e.g. 乌海市海勃湾区人民法院.</summary>
    public string Name { get; set; } = string.Empty;
}
