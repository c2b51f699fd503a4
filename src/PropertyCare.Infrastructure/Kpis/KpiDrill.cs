using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>The records behind a KPI figure, selected with the same conditions <see cref="KpiFigureQueries"/> counts with,
/// so the list's length is the figure's denominator and its InNumerator rows its numerator (a test checks both). Called
/// only by KpiQueries after it has checked the project is the user's company's.</summary>
internal static class KpiDrill
{
    public const int MaxRows = 500;

    public static async Task<List<KpiDrillRow>> RowsAsync(AppDbContext db, Project project, KpiMonth month, KpiKind kind, DateTime asOf, CancellationToken ct)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(project.TimeZone) ? "Asia/Shanghai" : project.TimeZone);
        DateTime Utc(DateOnly d) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), tz);
        var (f, t) = (Utc(month.First), Utc(month.Last.AddDays(1)));
        var p = project.Id;
        string Repair(int id) => $"/p/{p}/repairs/{id}";
        string Complaint(int id) => $"/p/{p}/complaints/{id}";
        var orders = db.RepairOrders.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.ProjectId == p && o.ReceivedAt >= f && o.ReceivedAt < t && o.Status != RepairStatus.Cancelled).OrderBy(o => o.Id);
        async Task<List<Complaint>> Complaints() => await db.Complaints.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ProjectId == p && c.ReceivedAt >= f && c.ReceivedAt < t).OrderBy(c => c.Id).ToListAsync(ct);
        static Text Label(Complaint c) => new($"{c.Kind.Label().Zh} {c.Category}", $"{c.Kind.Label().En} {c.Category}");

        switch (kind)
        {
            case KpiKind.CallbackRate:
                return (await db.Callbacks.IgnoreQueryFilters().AsNoTracking()
                        .Where(c => c.ProjectId == p && c.DueOn >= month.First && c.DueOn <= month.Last && c.Status != CallbackStatus.Cancelled)
                        .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Take(MaxRows)
                        .Select(c => new { c.RepairOrderId, c.RepairOrder!.Number, c.Round, c.DueOn, c.Status }).ToListAsync(ct))
                    .Select(c => new KpiDrillRow(c.Number, new($"第{c.Round}次回访，应回访日 {c.DueOn:yyyy-MM-dd}", $"Callback round {c.Round}, due {c.DueOn:yyyy-MM-dd}"),
                        Repair(c.RepairOrderId), c.Status == CallbackStatus.Done, c.Status == CallbackStatus.Unreachable ? "无法回访" : null)).ToList();
            case KpiKind.FeedbackOnTime:
                return (await orders.Where(o => o.CompletedAt != null || o.DueAt < asOf).Take(MaxRows)
                        .Select(o => new { o.Id, o.Number, o.Category, o.DueAt, o.CompletedAt }).ToListAsync(ct))
                    .Select(o => new KpiDrillRow(o.Number, new(o.Category, o.Category), Repair(o.Id), o.CompletedAt != null && o.CompletedAt <= o.DueAt,
                        o.CompletedAt == null ? "未完工，已超时" : o.CompletedAt > o.DueAt ? "超时完工" : null)).ToList();
            case KpiKind.ProcessClosure:
                return (await orders.Take(MaxRows).Select(o => new { o.Id, o.Number, o.Category, o.Status }).ToListAsync(ct))
                    .Select(o => new KpiDrillRow(o.Number, new(o.Category, o.Category), Repair(o.Id), o.Status == RepairStatus.Closed, o.Status.ToString())).ToList();
            case KpiKind.ComplaintOnTime:
                return (await Complaints()).Where(c => c.HandledOnTime != null)
                    .Select(c => new KpiDrillRow(c.Number, Label(c), Complaint(c.Id), c.HandledOnTime == true, c.HandledOnTime == true ? null : "超时")).ToList();
            case KpiKind.ComplaintSatisfaction:
                return (await Complaints()).Where(c => c.Callbacks.Count > 0)
                    .Select(c => (c, last: c.Callbacks.OrderBy(b => b.Round).Last().Satisfaction))
                    .Select(x => new KpiDrillRow(x.c.Number, Label(x.c), Complaint(x.c.Id), Domain.Complaints.Complaint.IsSatisfied(x.last), x.last.ToString())).ToList();
            case KpiKind.ValidComplaints:
                return (await Complaints()).Where(c => c.Kind == ComplaintKind.Complaint && c.Class == ComplaintClass.Valid)
                    .Select(c => new KpiDrillRow(c.Number, Label(c), Complaint(c.Id), true, null)).ToList();
            case KpiKind.Redispatch:
                return (await Complaints()).Where(c => c.Dispatches.Count > 0)
                    .Select(c => new KpiDrillRow(c.Number, Label(c), Complaint(c.Id), c.DispatchLevel >= 2, c.DispatchLevel >= 2 ? $"第{c.DispatchLevel}次派单" : null)).ToList();
            case KpiKind.RepeatComplaint:
                return (await Complaints()).Where(c => c.Kind == ComplaintKind.Complaint)
                    .Select(c => new KpiDrillRow(c.Number, Label(c), Complaint(c.Id), c.IsRepeat, c.IsRepeat ? "重复投诉" : null)).ToList();
            case KpiKind.DataCompleteness:
            {
                var complete = KpiFigureQueries.CompleteOwners(db, [p]).Select(o => o.Id);
                // Incomplete records first: they are what the project has to fix.
                return (await db.Owners.IgnoreQueryFilters().AsNoTracking().Where(o => o.ProjectId == p)
                        .Select(o => new { o.Id, o.Name, o.PhoneFlaggedWrong, Complete = complete.Contains(o.Id) })
                        .OrderBy(o => o.Complete).ThenBy(o => o.Id).Take(MaxRows).ToListAsync(ct))
                    .Select(o => new KpiDrillRow($"#{o.Id}", new(o.Name, o.Name), $"/p/{p}/owners/{o.Id}", o.Complete,
                        o.PhoneFlaggedWrong ? "号码待核实" : o.Complete ? null : "资料不完整")).ToList();
            }
            case KpiKind.SurveyIndex:
            {
                var campaigns = await db.SurveyCampaigns.AsNoTracking()
                    .Where(c => c.CompanyId == project.CompanyId && c.Status != CampaignStatus.Draft && c.ClosesOn >= month.First && c.ClosesOn <= month.Last)
                    .Select(c => new { c.Id, c.Title }).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
                var ids = campaigns.Keys.ToList();
                return (await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking().Where(r => r.ProjectId == p && ids.Contains(r.CampaignId))
                        .OrderBy(r => r.Id).Take(MaxRows).Select(r => new { r.Id, r.CampaignId, r.UnitId, r.Scores }).ToListAsync(ct))
                    .Select(r =>
                    {
                        var (n, good, _) = SurveyScoring.Tally(r.Scores);
                        return new KpiDrillRow($"#{r.Id}", new($"{campaigns[r.CampaignId]}（房屋 {r.UnitId}）", $"{campaigns[r.CampaignId]} (unit {r.UnitId})"),
                            $"/hq/surveys/{r.CampaignId}", n > 0 && good == n, $"满意 {good}/{n}");
                    }).ToList();
            }
            case KpiKind.CallbackAuthenticity:
                return (await db.CallbackAudits.IgnoreQueryFilters().AsNoTracking()
                        .Where(a => a.ProjectId == p && a.AuditedAt >= f && a.AuditedAt < t && a.Authenticity != null).OrderBy(a => a.Id).Take(MaxRows)
                        .Select(a => new { a.Id, a.SourceNumber, a.Authenticity }).ToListAsync(ct))
                    .Select(a => new KpiDrillRow(a.SourceNumber, new("抽访记录", "HQ re-call"), $"/hq/audits/{a.Id}", a.Authenticity == Authenticity.Genuine,
                        a.Authenticity == Authenticity.Untrue ? "不实" : null)).ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
