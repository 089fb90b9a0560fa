namespace Mediation.Api.Web.Designer;

/// <summary>A node placed on the canvas: a palette kind dropped, or a step moved (<paramref name="Id"/> is then its id).</summary>
/// <param name="Id">The step kind (drop) or the step id (move, layout).</param>
/// <param name="X">Left edge on the canvas.</param>
/// <param name="Y">Top edge on the canvas.</param>
public sealed record CanvasDrop(string Id, double X, double Y);
