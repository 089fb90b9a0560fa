namespace Mediation.Api.Notifications;

/// <summary>The channels a delivery goes out on.</summary>
internal static class DeliveryChannels
{
    public const string Sms = "sms";

    public const string Hotline = "hotline";
}

/// <summary>What a channel made of one attempt.</summary>
/// <param name="Kind">Delivered, retry later, or give up.</param>
/// <param name="Error">What went wrong (no secrets, no phone numbers).</param>
internal sealed record SendResult(SendResultKind Kind, string? Error = null)
{
    public static SendResult Delivered { get; } = new(SendResultKind.Delivered);

    public static SendResult Transient(string error) => new(SendResultKind.Transient, error);

    public static SendResult Permanent(string error) => new(SendResultKind.Permanent, error);
}

/// <summary>Delivered, or a failure worth retrying (5xx, timeout, malformed reply, 408, 429), or one that is not (other 4xx).</summary>
internal enum SendResultKind
{
    Delivered,
    Transient,
    Permanent,
}

/// <summary>A text to one phone number. <paramref name="MessageId"/> is the delivery's id: the gateway deduplicates by it.</summary>
internal sealed record SmsMessage(string MessageId, string Phone, string Text);

/// <summary>The pluggable SMS channel: an HTTP gateway in production, a logging stand-in for the demo.</summary>
internal interface ISmsGateway
{
    Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
