namespace Mediation.Api.Data.Entities;

/// <summary>
/// 回避: a party had a mediator replaced on a dispute. The mediator is never assigned to that dispute again, cannot take
/// it up and cannot act on it as its mediator. 人民调解法 Art. 23(1) gives the parties the right to choose or accept their
/// mediator; local rules spell the recusal out (深圳经济特区矛盾纠纷多元化解条例 Art. 23: when a party asks for the
/// mediator's recusal, the mediator shall withdraw).
/// </summary>
public sealed class MediatorRecusal
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    public Guid MediatorId { get; set; }

    /// <summary>The resident (a party) who asked.</summary>
    public string? RequestedByUserId { get; set; }

    /// <summary>Why, in the party's words.</summary>
    public required string Reason { get; set; }

    public DateTimeOffset RecusedAt { get; set; }
}
