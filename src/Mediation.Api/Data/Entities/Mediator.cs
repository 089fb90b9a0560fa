namespace Mediation.Api.Data.Entities;

/// <summary>A mediator of an organisation, linked to the user account they sign in with.</summary>
public sealed class Mediator
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public required string Name { get; set; }

    /// <summary>Dispute categories the mediator specialises in.</summary>
    public List<string> Specialties { get; set; } = [];

    public bool Active { get; set; } = true;
}
