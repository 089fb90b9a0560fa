namespace Mediation.Api.Data.Entities;

/// <summary>A party to a dispute, with the contact details and ID number stored for the case.</summary>
public sealed class Party
{
    public Guid Id { get; set; }

    public Guid DisputeId { get; set; }

    public PartyRole Role { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    /// <summary>Resident ID number (居民身份证号) or unified social credit code for an organisation.</summary>
    public string? IdNumber { get; set; }

    public string? Address { get; set; }

    /// <summary>The resident account of the party, when they have one.</summary>
    public string? UserId { get; set; }
}

/// <summary>Which side a party is on.</summary>
public enum PartyRole
{
    Applicant,
    Respondent,
}
