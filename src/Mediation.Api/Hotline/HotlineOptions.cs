namespace Mediation.Api.Hotline;

/// <summary>The <c>Hotline</c> configuration section: the 12345 system's shared secret, the webhook's timestamp window and where callbacks go.</summary>
internal sealed class HotlineOptions
{
    public const string Section = "Hotline";

    /// <summary>The shared secret both sides sign with (HMAC-SHA256). Unset, every webhook call is refused with 401. Never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>How far a request's timestamp may be from the service's clock, either way.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The hotline system's API; callbacks are posted to <c>{BaseUrl}/work-orders/{orderNumber}/replies</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Attempts before a callback is dead-lettered. Higher than for SMS (<c>Notifications:MaxAttempts</c>): with the
    /// back-off capped at <c>Notifications:MaxBackoff</c> (one hour), 48 attempts ride out an outage of about two days.
    /// </summary>
    public int MaxAttempts { get; set; } = 48;

    /// <summary>One callback attempt's time limit; a timeout is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
