using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>One line of the daily callback report: a technician's orders that day and what their owners said.</summary>
public sealed record DailyCallbackRow(string Name, int Dispatched, int Completed, int CalledBack, int AttitudeGood, int AttitudeFair, int AttitudePoor,
    int Cleaned, int NotCleaned, int FeeCorrect, int FeeWrong, int VerySatisfied, int Satisfied, int Neutral, int Dissatisfied, int VeryDissatisfied)
{
    public static DailyCallbackRow Sum(string name, IReadOnlyCollection<DailyCallbackRow> rows) => new(name,
        rows.Sum(r => r.Dispatched), rows.Sum(r => r.Completed), rows.Sum(r => r.CalledBack), rows.Sum(r => r.AttitudeGood), rows.Sum(r => r.AttitudeFair),
        rows.Sum(r => r.AttitudePoor), rows.Sum(r => r.Cleaned), rows.Sum(r => r.NotCleaned), rows.Sum(r => r.FeeCorrect), rows.Sum(r => r.FeeWrong),
        rows.Sum(r => r.VerySatisfied), rows.Sum(r => r.Satisfied), rows.Sum(r => r.Neutral), rows.Sum(r => r.Dissatisfied), rows.Sum(r => r.VeryDissatisfied));
}

/// <summary>What each caller did that day.</summary>
public sealed record CallerRow(string Name, int Calls, int Answered, int NoAnswer, int WrongNumber);

/// <summary>回访日报表 of a project for one day (the handbook's 区域售后客服回访日报表, with satisfaction counts).</summary>
public sealed record DailyCallbackReport(string Company, string Project, DateOnly Day, int DueThatDay, int DoneOfDue, decimal Rate,
    IReadOnlyList<DailyCallbackRow> Rows, DailyCallbackRow Total, IReadOnlyList<CallerRow> Callers, string PreparedBy, DateTime PreparedAtLocal);

/// <summary>The project's repair figures for a period: the dashboard, with the 100 % callback target.</summary>
public sealed record RepairStats(DateOnly From, DateOnly To, int Registered, int Completed, int OpenOverdue, int CallbacksDue, int CallbacksAnswered,
    int Unreachable, decimal CallbackRate, int Rated, int SatisfiedOrBetter, int Reworks)
{
    public decimal SatisfactionRate => Rated == 0 ? 0 : Math.Round(100m * SatisfiedOrBetter / Rated, 1);
}

/// <summary>The desk's counters on 工作台: open orders by step, and the open ones past their deadline.
/// Each counts exactly what the repair list shows for the same filter.</summary>
public sealed record RepairDeskCounts(int ToDispatch, int InProgress, int Overdue);

public sealed class RepairReports(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    public DateOnly Today => Clock.Today;

    /// <summary>待派工, 处理中 and 超时 of the current project, with the list's own filters.</summary>
    public async Task<RepairDeskCounts> DeskCountsAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        var now = Clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.RepairOrders.AsNoTracking();
        return new RepairDeskCounts(
            await orders.Apply(new RepairListQuery(RepairFilter.ToDispatch), db, now).CountAsync(ct),
            await orders.Apply(new RepairListQuery(RepairFilter.InProgress), db, now).CountAsync(ct),
            await orders.Apply(new RepairListQuery(OverdueOnly: true), db, now).CountAsync(ct));
    }

    public async Task<DailyCallbackReport> DailyCallbackAsync(DateOnly day, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        var (from, to) = Clock.DayRangeUtc(day);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dispatched = await db.RepairOrders.AsNoTracking().Where(o => o.DispatchedAt >= from && o.DispatchedAt < to && o.TechnicianName != null)
            .GroupBy(o => o.TechnicianName!).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var completed = await db.RepairOrders.AsNoTracking().Where(o => o.CompletedAt >= from && o.CompletedAt < to && o.TechnicianName != null)
            .GroupBy(o => o.TechnicianName!).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var answered = await db.Callbacks.AsNoTracking().Where(c => c.Status == CallbackStatus.Done && c.DoneAt >= from && c.DoneAt < to)
            .Select(c => new { Tech = c.RepairOrder!.TechnicianName ?? "（未派工）", c.Attitude, c.SiteCleaned, c.FeeCorrect, c.Satisfaction }).ToListAsync(ct);
        var names = dispatched.Keys.Concat(completed.Keys).Concat(answered.Select(a => a.Tech)).Distinct().Order().ToList();
        var rows = names.Select(n =>
        {
            var a = answered.Where(x => x.Tech == n).ToList();
            int S(Satisfaction s) => a.Count(x => x.Satisfaction == s);
            return new DailyCallbackRow(n, dispatched.GetValueOrDefault(n), completed.GetValueOrDefault(n), a.Count,
                a.Count(x => x.Attitude == ServiceAttitude.Good), a.Count(x => x.Attitude == ServiceAttitude.Fair), a.Count(x => x.Attitude == ServiceAttitude.Poor),
                a.Count(x => x.SiteCleaned == true), a.Count(x => x.SiteCleaned == false), a.Count(x => x.FeeCorrect == true), a.Count(x => x.FeeCorrect == false),
                S(Satisfaction.VerySatisfied), S(Satisfaction.Satisfied), S(Satisfaction.Neutral), S(Satisfaction.Dissatisfied), S(Satisfaction.VeryDissatisfied));
        }).ToList();
        // Calls by the desk only: an owner's rating in the portal is not a call.
        var calls = await db.Callbacks.AsNoTracking().Where(c => c.LastAttemptAt >= from && c.LastAttemptAt < to && c.CalledByName != null
                && c.Channel != CallbackChannel.OwnerPortal)
            .Select(c => new { c.CalledByName, c.LastOutcome }).ToListAsync(ct);
        var callers = calls.GroupBy(c => c.CalledByName!).OrderBy(g => g.Key).Select(g => new CallerRow(g.Key, g.Count(),
            g.Count(c => c.LastOutcome == CallOutcome.Answered), g.Count(c => c.LastOutcome == CallOutcome.NoAnswer),
            g.Count(c => c.LastOutcome is CallOutcome.EmptyNumber or CallOutcome.WrongInfo))).ToList();
        var due = await db.Callbacks.AsNoTracking().Where(c => c.DueOn == day && c.Status != CallbackStatus.Cancelled)
            .Select(c => c.Status).ToListAsync(ct);
        var done = due.Count(s => s == CallbackStatus.Done);
        return new DailyCallbackReport(tenant.Project!.Company?.Name ?? "", tenant.Project.Name, day, due.Count, done, CallbackRules.Rate(done, due.Count),
            rows, DailyCallbackRow.Sum("合计", rows), callers, tenant.RequireUser().DisplayName, Clock.LocalNow);
    }

    public static byte[] DailyCallbackXlsx(DailyCallbackReport r)
    {
        string[] header = ["姓名", "派单量", "当天完工量", "回访量", "服务态度-好", "服务态度-一般", "服务态度-差", "已清理现场", "未清理现场",
            "收费正确", "收费有误", "非常满意", "满意", "一般", "不太满意", "很不满意"];
        static IReadOnlyList<string> Cells(DailyCallbackRow x) => [x.Name, .. new[] { x.Dispatched, x.Completed, x.CalledBack, x.AttitudeGood, x.AttitudeFair,
            x.AttitudePoor, x.Cleaned, x.NotCleaned, x.FeeCorrect, x.FeeWrong, x.VerySatisfied, x.Satisfied, x.Neutral, x.Dissatisfied, x.VeryDissatisfied }
            .Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var rows = r.Rows.Select(Cells).Append(Cells(r.Total)).ToList();
        rows.Add([]);
        rows.Add([$"当日应回访 {r.DueThatDay}，已回访 {r.DoneOfDue}，回访率 {r.Rate}%"]);
        rows.Add(["回访员", "拨打", "接通", "无人接听", "空号/信息错误"]);
        rows.AddRange(r.Callers.Select(c => (IReadOnlyList<string>)[c.Name, $"{c.Calls}", $"{c.Answered}", $"{c.NoAnswer}", $"{c.WrongNumber}"]));
        rows.Add([]);
        rows.Add([$"{r.Company} {r.Project} 回访日报表 {r.Day:yyyy-MM-dd}", $"制表人：{r.PreparedBy}", $"制表日期：{r.PreparedAtLocal:yyyy-MM-dd HH:mm}"]);
        return XlsxWriter.Write(header, rows, "回访日报表");
    }

    public async Task<RepairStats> StatsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsRead);
        var clock = Clock;
        var (f, _) = clock.DayRangeUtc(from);
        var (_, t) = clock.DayRangeUtc(to);
        var today = clock.Today;
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.RepairOrders.AsNoTracking();
        var registered = await orders.CountAsync(o => o.ReceivedAt >= f && o.ReceivedAt < t, ct);
        var completed = await orders.CountAsync(o => o.CompletedAt >= f && o.CompletedAt < t, ct);
        var reworks = await orders.CountAsync(o => o.ReceivedAt >= f && o.ReceivedAt < t && o.ReworkOfId != null, ct);
        var overdue = await orders.OpenAndOverdue(now).CountAsync(ct);
        // Callbacks count in the period of their due day, once the day has come.
        var last = to < today ? to : today;
        // Counted by the database (a handful of status × rating groups come back, not every callback of the period).
        var due = await db.Callbacks.AsNoTracking().Where(c => c.DueOn >= from && c.DueOn <= last && c.Status != CallbackStatus.Cancelled)
            .GroupBy(c => new { c.Status, c.Satisfaction }).Select(g => new { g.Key.Status, g.Key.Satisfaction, N = g.Count() }).ToListAsync(ct);
        var total = due.Sum(g => g.N);
        var answered = due.Where(g => g.Status == CallbackStatus.Done).Sum(g => g.N);
        var rated = due.Where(g => g.Satisfaction != null).ToList();
        return new RepairStats(from, to, registered, completed, overdue, total, answered, due.Where(g => g.Status == CallbackStatus.Unreachable).Sum(g => g.N),
            CallbackRules.Rate(answered, total), rated.Sum(g => g.N), rated.Where(g => g.Satisfaction >= Satisfaction.Satisfied).Sum(g => g.N), reworks);
    }
}
