using Mediation.Workflows.Definitions;

namespace Mediation.Api.Web.Designer;

/// <summary>A step changed in the property panel.</summary>
/// <param name="OriginalId">The id the step had before the change (a rename changes it).</param>
/// <param name="Step">The step as it is now.</param>
public sealed record StepChange(string OriginalId, StepDefinition Step);
