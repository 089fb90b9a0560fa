using Mediation.Api.Data;
using Mediation.Api.Data.Entities;
using Mediation.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Api.Privacy;

/// <summary>
/// The only source of public figures. Closed-mediation cases (不公开调解: every medical dispute, 医疗纠纷预防和处理条例
/// Art. 42, and any case whose parties chose it) count only when every party has consented to publication
/// (<see cref="PublicationConsent"/>). Dashboards and public statistics start from <see cref="Of"/>, never from
/// <c>db.Disputes</c>.
/// </summary>
internal static class PublishableDisputes
{
    public static IQueryable<Dispute> Of(MediationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Disputes.Where(d => !d.ClosedMediation
            || d.Parties.All(p => db.PublicationConsents.Any(c => c.DisputeId == d.Id && c.PartyId == p.Id)));
    }

    /// <summary>Aggregate figures over the publishable cases; no case is identifiable from them.</summary>
    public static async Task<PublicFigures> FiguresAsync(MediationDbContext db, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var publishable = Of(db).AsNoTracking();
        var byCategory = await publishable.GroupBy(d => d.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var closed = await publishable.CountAsync(d => d.IsClosed, cancellationToken);
        var agreements = await publishable.CountAsync(
            d => db.Outcomes.Any(o => o.DisputeId == d.Id && o.Kind == OutcomeKind.Agreement && o.SupersededById == null), cancellationToken);
        var total = byCategory.Sum(c => c.Count);
        return new PublicFigures(
            asOf,
            total,
            total - closed,
            closed,
            agreements,
            byCategory.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal));
    }
}

/// <summary>Public figures (公开统计): medical and other closed-mediation cases excluded unless every party consented.</summary>
/// <param name="AsOf">When they were counted.</param>
/// <param name="Total">Cases filed.</param>
/// <param name="Open">Cases still running.</param>
/// <param name="Closed">Cases ended.</param>
/// <param name="Agreements">Cases that reached a mediation agreement (written or oral).</param>
/// <param name="ByCategory">Cases per category.</param>
internal sealed record PublicFigures(DateTimeOffset AsOf, int Total, int Open, int Closed, int Agreements, IReadOnlyDictionary<string, int> ByCategory);
