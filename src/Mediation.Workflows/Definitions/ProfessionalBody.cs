namespace Mediation.Workflows.Definitions;

/// <summary>
/// A named professional body outside the tier hierarchy (medical dispute mediation committee, labour dispute
/// mediation or arbitration body, land contract arbitration committee). Definitions refer to it by id; the host
/// finds the organisation of that body serving the dispute's area.
/// </summary>
/// <param name="Id">Stable id, for example <c>medical-committee</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What the body does and on which legal basis.</param>
public sealed record ProfessionalBody(string Id, LocalizedText Name, LocalizedText? Description);
