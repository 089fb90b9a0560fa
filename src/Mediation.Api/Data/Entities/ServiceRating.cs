namespace Mediation.Api.Data.Entities;

/// <summary>
/// A party's rating of the mediation service after their case closed (满意度评价): one per party and case, 1–5 stars
/// with an optional comment. Leaders read the satisfaction figures from these.
/// </summary>
public sealed class ServiceRating
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>The resident (a party to the case) who rated.</summary>
    public required string UserId { get; set; }

    /// <summary>1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Score { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset RatedAt { get; set; }
}
