namespace Mediation.Api.Data.Entities;

/// <summary>
/// One opening of a party's full personal data by a staff member (个人信息保护法 Art. 51; access logs kept at least six
/// months): who, when, which case, which party, why. Kept for <c>Privacy:AccessLogRetentionDays</c> (at least 180).
/// </summary>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorUserId { get; set; }

    public required string ActorRole { get; set; }

    public Guid DisputeId { get; set; }

    /// <summary>The case reference, kept so the entry reads on its own after the case is anonymised.</summary>
    public required string DisputeReference { get; set; }

    public Guid PartyId { get; set; }

    public required string Reason { get; set; }
}

/// <summary>
/// A party's consent to the case counting in public figures. Closed-mediation cases (medical disputes above all,
/// 医疗纠纷预防和处理条例 Art. 42) are left out of every public figure unless every party has consented.
/// </summary>
public sealed class PublicationConsent
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    public Guid PartyId { get; set; }

    public DateTimeOffset ConsentedAt { get; set; }

    public string? RecordedByUserId { get; set; }
}

/// <summary>The retention job's mark that a closed case's personal data was anonymised (never the data itself).</summary>
public sealed class DisputeAnonymisation
{
    public Guid DisputeId { get; set; }

    public DateTimeOffset AnonymisedAt { get; set; }

    public int PartiesAnonymised { get; set; }

    public int AttachmentsDeleted { get; set; }
}
