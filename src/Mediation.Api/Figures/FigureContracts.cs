using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;

namespace Mediation.Api.Figures;

/// <summary>
/// The dashboard's figures for a period and an area. Definitions (what counts as filed, concluded, resolved at a tier,
/// on time, working days) are in <c>docs/figures.md</c>; every count here is the size of a set that
/// <c>GET /api/figures/cases?set=…</c> lists, so a figure can always be drilled down to its cases.
/// </summary>
/// <param name="From">First day of the period (Beijing time), included.</param>
/// <param name="To">Last day of the period, included.</param>
/// <param name="AreaCode">The area: cases whose location code starts with it; null for the whole service (system admins).</param>
/// <param name="AreaName">The area's name when it is an organisation of the tree.</param>
/// <param name="AsOf">When the figures were computed (overdue is as of this instant).</param>
/// <param name="Filed">Cases filed in the period.</param>
/// <param name="Concluded">Cases whose mediation concluded in the period (agreement, termination, withdrawal or refusal).</param>
/// <param name="Resolved">Of those, cases concluded by an agreement.</param>
/// <param name="ResolutionRate">Resolved ÷ concluded (0–1); null when nothing concluded.</param>
/// <param name="ResolvedByTier">Resolved cases by the level of the organisation that reached the agreement, with each level's share of the resolved.</param>
/// <param name="OnTime">Concluded cases with no take-up or resolution deadline passed before they concluded.</param>
/// <param name="OnTimeRate">On time ÷ concluded (0–1); null when nothing concluded.</param>
/// <param name="AverageWorkingDays">Average working days from filing to conclusion of the concluded cases; null when nothing concluded.</param>
/// <param name="Overdue">Open cases now past a take-up or resolution deadline (whenever filed).</param>
/// <param name="Satisfaction">Service ratings given in the period on cases of the area.</param>
/// <param name="Categories">Filed, concluded and resolved per dispute category.</param>
public sealed record FiguresSummary(
    DateOnly From,
    DateOnly To,
    string? AreaCode,
    string? AreaName,
    DateTimeOffset AsOf,
    int Filed,
    int Concluded,
    int Resolved,
    double? ResolutionRate,
    IReadOnlyList<TierFigure> ResolvedByTier,
    int OnTime,
    double? OnTimeRate,
    double? AverageWorkingDays,
    int Overdue,
    SatisfactionFigure Satisfaction,
    IReadOnlyList<CategoryFigure> Categories);

/// <summary>Agreements reached at one level.</summary>
/// <param name="Tier"><c>village</c>, <c>township</c>, <c>district</c> or <c>professionalBody</c>.</param>
/// <param name="Resolved">Cases resolved there.</param>
/// <param name="Share">Their share of all resolved cases (0–1); null when none was resolved.</param>
public sealed record TierFigure(OrganisationKind Tier, int Resolved, double? Share);

/// <summary>Ratings (满意度评价) given in the period.</summary>
/// <param name="Ratings">How many.</param>
/// <param name="Average">Average score 1–5; null without ratings.</param>
/// <param name="SatisfiedShare">Share of 4 and 5 (0–1); null without ratings.</param>
/// <param name="Distribution">How many gave 1, 2, 3, 4 and 5 (five numbers).</param>
public sealed record SatisfactionFigure(int Ratings, double? Average, double? SatisfiedShare, IReadOnlyList<int> Distribution);

/// <summary>One category's counts.</summary>
/// <param name="Category">Dispute category.</param>
/// <param name="Filed">Filed in the period.</param>
/// <param name="Concluded">Concluded in the period.</param>
/// <param name="Resolved">Resolved in the period.</param>
public sealed record CategoryFigure(string Category, int Filed, int Concluded, int Resolved);

/// <summary>
/// One case behind a figure. Only what a dashboard needs: no party, no description — the same for closed-mediation
/// (不公开调解) cases, which are flagged.
/// </summary>
/// <param name="Id">Id (the workbench page is <c>/workbench/cases/{id}</c>).</param>
/// <param name="Reference">Reference, e.g. <c>MT-2026-000123</c>.</param>
/// <param name="Category">Category.</param>
/// <param name="LocationCode">Village or community where it arose.</param>
/// <param name="OrganisationName">The organisation handling it now (or that concluded it).</param>
/// <param name="Tier">That organisation's level.</param>
/// <param name="FiledAt">Filed.</param>
/// <param name="ConcludedAt">When the mediation concluded, if it has.</param>
/// <param name="Outcome">How it concluded.</param>
/// <param name="OnTime">For a concluded case: no take-up or resolution deadline passed first.</param>
/// <param name="WorkingDays">For a concluded case: working days from filing to conclusion.</param>
/// <param name="NextDeadlineAt">For an open case: its next deadline.</param>
/// <param name="Overdue">Open and past a take-up or resolution deadline now.</param>
/// <param name="ClosedMediation">Closed mediation (不公开调解).</param>
public sealed record FigureCase(
    Guid Id,
    string Reference,
    string Category,
    string LocationCode,
    string? OrganisationName,
    OrganisationKind? Tier,
    DateTimeOffset FiledAt,
    DateTimeOffset? ConcludedAt,
    OutcomeKind? Outcome,
    bool? OnTime,
    int? WorkingDays,
    DateTimeOffset? NextDeadlineAt,
    bool Overdue,
    bool ClosedMediation);

/// <summary>The sets of cases the figures count, for drill-down and export.</summary>
public enum FigureSet
{
    Filed,
    Concluded,
    Resolved,
    Village,
    Township,
    District,
    ProfessionalBody,
    OnTime,
    Late,
    Overdue,
}
