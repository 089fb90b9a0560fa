namespace Mediation.Api.Notifications;

/// <summary>The <c>Notifications</c> configuration section: the dispatcher, retries, the rate limit and the SMS gateway.</summary>
internal sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the background dispatcher. Off, outbox messages accumulate and <see cref="NotificationDispatcher.RunOnceAsync"/> can be called by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for work when it has none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages expanded and deliveries sent per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a delivery is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's back-off; each further one doubles, up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    public SmsOptions Sms { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary><c>Notifications:Sms</c>: which gateway and how to reach it.</summary>
internal sealed class SmsOptions
{
    /// <summary><c>Log</c> (the stand-in: writes masked messages to the log, the default) or <c>Http</c>.</summary>
    public string Mode { get; set; } = "Log";

    /// <summary>The gateway's base URL; messages are posted to <c>{BaseUrl}/messages</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The account the gateway knows the service by.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The account's secret (sent as a bearer credential; never logged).</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>The sender name or number the texts go out under (签名).</summary>
    public string Sender { get; set; } = "纠纷调解";

    /// <summary>One attempt's time limit; a timeout is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsHttp => string.Equals(Mode, "Http", StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>Notifications:RateLimit</c>: texts per phone number per window; more are delayed, never dropped.</summary>
internal sealed class RateLimitOptions
{
    public int PerNumber { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
