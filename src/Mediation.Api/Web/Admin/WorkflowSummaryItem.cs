namespace Mediation.Api.Web.Admin;

/// <summary>A workflow in the console's list, with its versions.</summary>
/// <param name="Key">Key, e.g. <c>general-civil</c>.</param>
/// <param name="Name">Name in the viewer's language.</param>
/// <param name="Categories">Dispute categories it handles.</param>
/// <param name="Versions">Versions, newest first.</param>
public sealed record WorkflowSummaryItem(string Key, string Name, IReadOnlyList<string> Categories, IReadOnlyList<WorkflowVersionRow> Versions);

/// <summary>One version of a workflow.</summary>
/// <param name="Version">Number.</param>
/// <param name="Published">Published (immutable), else a draft.</param>
/// <param name="Current">The version new cases start on.</param>
/// <param name="PublishedAt">When published.</param>
/// <param name="RunningCases">Open cases on this version.</param>
public sealed record WorkflowVersionRow(int Version, bool Published, bool Current, DateTimeOffset? PublishedAt, int RunningCases);
