using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>Counts <see cref="PeriodFigures"/> for many projects at once: a handful of GROUP BY ProjectId queries per time
/// zone (the period's edges are each project's local midnight), never one query per project. Not a public entry point:
/// it ignores the tenant filter and trusts the caller's project list — the callers are the HQ queries (the user's
/// company only, <see cref="KpiQueries"/>) and the report job (the company it runs for). The existing indexes
/// (RepairOrders (ProjectId, ReceivedAt), Callbacks (ProjectId, DueOn), CallbackAudits (ProjectId, AuditedAt)) carry it;
/// the benchmark measures it at scale (docs/quality.md, Part C).</summary>
internal static class KpiFigureQueries
{
    public static async Task<Dictionary<int, PeriodFigures>> ComputeAsync(AppDbContext db, IReadOnlyList<Project> projects, DateOnly from, DateOnly to,
        DateTime asOfUtc, CancellationToken ct)
    {
        var result = new Dictionary<int, PeriodFigures>();
        foreach (var zone in projects.GroupBy(p => string.IsNullOrWhiteSpace(p.TimeZone) ? "Asia/Shanghai" : p.TimeZone))
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone.Key);
            DateTime Utc(DateOnly d) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), tz);
            var (f, t) = (Utc(from), Utc(to.AddDays(1)));
            var ids = zone.Select(p => p.Id).ToList();
            var companies = zone.Select(p => p.CompanyId).Distinct().ToList();
            foreach (var (id, figures) in await ZoneAsync(db, ids, companies, from, to, f, t, asOfUtc, ct)) result[id] = figures;
        }
        return result;
    }

    private static async Task<Dictionary<int, PeriodFigures>> ZoneAsync(AppDbContext db, List<int> ids, List<int> companies, DateOnly from, DateOnly to,
        DateTime f, DateTime t, DateTime asOf, CancellationToken ct)
    {
        var orders = await db.RepairOrders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => ids.Contains(o.ProjectId) && o.ReceivedAt >= f && o.ReceivedAt < t && o.Status != RepairStatus.Cancelled)
            .GroupBy(o => o.ProjectId)
            .Select(g => new
            {
                ProjectId = g.Key, Received = g.Count(), Completed = g.Count(o => o.CompletedAt != null), Closed = g.Count(o => o.Status == RepairStatus.Closed),
                Measured = g.Count(o => o.CompletedAt != null || o.DueAt < asOf), OnTime = g.Count(o => o.CompletedAt != null && o.CompletedAt <= o.DueAt),
            }).ToDictionaryAsync(x => x.ProjectId, ct);

        // Status × satisfaction × whether the order has since been closed (an unsatisfied callback is "resolved" once its
        // order — reworked and called back again — is closed).
        var callbacks = await db.Callbacks.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.ProjectId) && c.DueOn >= from && c.DueOn <= to && c.Status != CallbackStatus.Cancelled)
            .GroupBy(c => new { c.ProjectId, c.Status, c.Satisfaction, OrderClosed = c.RepairOrder!.Status == RepairStatus.Closed })
            .Select(g => new { g.Key.ProjectId, g.Key.Status, g.Key.Satisfaction, g.Key.OrderClosed, N = g.Count() }).ToListAsync(ct);

        var audits = await db.CallbackAudits.IgnoreQueryFilters().AsNoTracking()
            .Where(a => ids.Contains(a.ProjectId) && a.AuditedAt >= f && a.AuditedAt < t && a.Authenticity != null)
            .GroupBy(a => new { a.ProjectId, a.Authenticity }).Select(g => new { g.Key.ProjectId, g.Key.Authenticity, N = g.Count() }).ToListAsync(ct);

        var owners = await db.Owners.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.ProjectId))
            .GroupBy(o => o.ProjectId).Select(g => new { ProjectId = g.Key, N = g.Count(), Flagged = g.Count(o => o.PhoneFlaggedWrong) }).ToDictionaryAsync(x => x.ProjectId, ct);
        var complete = await CompleteOwners(db, ids).GroupBy(o => o.ProjectId).Select(g => new { ProjectId = g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.ProjectId, x => x.N, ct);
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.ProjectId))
            .GroupBy(u => u.ProjectId).Select(g => new { ProjectId = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.ProjectId, x => x.N, ct);

        // Complaints: few per project and month; counted by ComplaintFigures.Of, the one place their definitions are counted.
        var complaints = (await db.Complaints.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.ProjectId) && c.ReceivedAt >= f && c.ReceivedAt < t).ToListAsync(ct)).ToLookup(c => c.ProjectId);

        var survey = await SurveyTallyAsync(db, ids, companies, from, to, ct);

        var result = new Dictionary<int, PeriodFigures>();
        foreach (var id in ids)
        {
            var o = orders.GetValueOrDefault(id);
            var cb = callbacks.Where(c => c.ProjectId == id).ToList();
            var sat = new int[5];
            foreach (var c in cb.Where(c => c.Status == CallbackStatus.Done && c.Satisfaction != null)) sat[PeriodFigures.SlotOf(c.Satisfaction!.Value)] += c.N;
            var unsatisfied = cb.Where(c => c.Status == CallbackStatus.Done && c.Satisfaction is { } s && s.NeedsRework()).ToList();
            var list = complaints[id].ToList();
            var (scored, good) = survey.GetValueOrDefault(id);
            result[id] = new PeriodFigures
            {
                OrdersReceived = o?.Received ?? 0, OrdersCompleted = o?.Completed ?? 0, OrdersClosed = o?.Closed ?? 0,
                FeedbackMeasured = o?.Measured ?? 0, FeedbackOnTime = o?.OnTime ?? 0,
                CallbacksDue = cb.Sum(c => c.N), CallbacksDone = cb.Where(c => c.Status == CallbackStatus.Done).Sum(c => c.N),
                CallbacksUnreachable = cb.Where(c => c.Status == CallbackStatus.Unreachable).Sum(c => c.N),
                SatisfactionCounts = sat, Unsatisfied = unsatisfied.Sum(c => c.N), UnsatisfiedResolved = unsatisfied.Where(c => c.OrderClosed).Sum(c => c.N),
                AuditsRecorded = audits.Where(a => a.ProjectId == id).Sum(a => a.N),
                AuditsUntrue = audits.Where(a => a.ProjectId == id && a.Authenticity == Authenticity.Untrue).Sum(a => a.N),
                Owners = owners.GetValueOrDefault(id)?.N ?? 0, OwnersComplete = complete.GetValueOrDefault(id), PhonesFlaggedWrong = owners.GetValueOrDefault(id)?.Flagged ?? 0,
                Units = units.GetValueOrDefault(id),
                SurveyScored = scored, SurveySatisfied = good,
                Complaints = ComplaintFigures.Of(list),
                ComplaintsByKind = list.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count()),
                ComplaintsByStatus = list.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count()),
            };
        }
        return result;
    }

    /// <summary>数据完整性' "complete": a phone not flagged wrong, an ID number and at least one unit — the drill-down lists
    /// the owners NOT in this query, so the definition is written once.</summary>
    internal static IQueryable<Domain.Owners.Owner> CompleteOwners(AppDbContext db, List<int> ids) =>
        db.Owners.IgnoreQueryFilters().AsNoTracking()
            .Where(o => ids.Contains(o.ProjectId) && o.Phone != "" && !o.PhoneFlaggedWrong && o.IdNumber != ""
                        && db.UnitOwnerships.IgnoreQueryFilters().Any(u => u.OwnerId == o.Id));

    /// <summary>满意度指数 inputs: every score of the responses to the company's campaigns (company-wide or the project's own)
    /// closing in the period, tallied by SurveyScoring (Part B's definition). Drafts have no answers.</summary>
    private static async Task<Dictionary<int, (int Scored, int Good)>> SurveyTallyAsync(AppDbContext db, List<int> ids, List<int> companies,
        DateOnly from, DateOnly to, CancellationToken ct)
    {
        var campaigns = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => companies.Contains(c.CompanyId) && c.Status != CampaignStatus.Draft && c.ClosesOn >= from && c.ClosesOn <= to)
            .Select(c => c.Id).ToListAsync(ct);
        if (campaigns.Count == 0) return [];
        var responses = await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => ids.Contains(r.ProjectId) && campaigns.Contains(r.CampaignId)).Select(r => new { r.ProjectId, r.Scores }).ToListAsync(ct);
        return responses.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g =>
        {
            var (n, good, _) = SurveyScoring.Tally(g.SelectMany(r => r.Scores));
            return (n, good);
        });
    }
}
