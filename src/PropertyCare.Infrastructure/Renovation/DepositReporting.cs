using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Renovation;

public enum DepositFilter
{
    Held = 0,     // 持有保证金 (balance > 0)
    Due = 1,      // 应清退 (accepted, observation over, balance > 0)
    Overdue = 2,  // 逾期未清退 (due for more than 30 days)
}

/// <summary>One application holding (or having held) a deposit, for the drill-down of the report.</summary>
public sealed record DepositAppRow(int ApplicationId, string Number, int UnitId, string Address, RenovationStatus Status, decimal Balance,
    DateOnly? ObservationEndsOn, bool RefundDue, int DaysOverdue)
{
    public bool RefundOverdue => DaysOverdue > 0;
}

/// <summary>保证金台账汇总 of one project: the deposit held (the company's liability to owners), collected this month,
/// refunds due and refunds overdue.</summary>
public sealed record ProjectDepositSummary(int ProjectId, string ProjectName, decimal Held, int HeldCount, decimal CollectedThisMonth,
    int RefundsDue, decimal RefundsDueAmount, int OverdueRefunds, decimal OverdueAmount);

/// <summary>The sums of the deposits report, made in memory from the entries (decimal sums do not translate on SQLite).
/// Used by the manager's report and by HQ's, so both count the same way.</summary>
internal static class DepositReporting
{
    /// <summary>A refund is overdue when it has been due (observation over) for more than this many days.</summary>
    public const int OverdueAfterDays = 30;

    public static async Task<(ProjectDepositSummary Summary, List<DepositAppRow> Rows)> ForProjectAsync(AppDbContext db, Project project, DateTime nowUtc,
        bool ignoreFilters, CancellationToken ct)
    {
        var apps = (ignoreFilters ? db.RenovationApplications.IgnoreQueryFilters() : db.RenovationApplications).AsNoTracking().Where(a => a.ProjectId == project.Id);
        var ledger = (ignoreFilters ? db.DepositLedger.IgnoreQueryFilters() : db.DepositLedger).AsNoTracking().Where(e => e.ProjectId == project.Id);
        var entries = await ledger.Select(e => new Entry(e.ProjectId, e.ApplicationId, e.Account, e.Kind, e.Amount, e.At)).ToListAsync(ct);
        var appIds = entries.Select(e => e.ApplicationId).Distinct().ToList();
        var list = await apps.Where(a => appIds.Contains(a.Id)).Select(a => new App(a.Id, a.ProjectId, a.Number, a.UnitId, a.Status, a.ObservationEndsOn)).ToListAsync(ct);
        var units = list.Select(a => a.UnitId).Distinct().ToList();
        var addresses = await (ignoreFilters ? db.Units.IgnoreQueryFilters() : db.Units).AsNoTracking().Where(u => units.Contains(u.Id))
            .Select(u => new Owners.UnitAddress(u.Id, u.Building!.Name, u.Entrance, u.Room)).ToListAsync(ct);
        var places = addresses.ToDictionary(a => a.UnitId, a => a.ToString());
        return Compute(project, nowUtc, entries, list, places);
    }

    /// <summary>The summaries of many projects (HQ's company) from two company-wide reads, the ledger entries and the
    /// applications holding them, instead of three queries per project: at 1,000 projects the round trips were the cost
    /// (measured: docs/operations.md, Benchmarks). Ignores the tenant filter; the caller chose the projects. No addresses:
    /// the summary does not show applications.</summary>
    public static async Task<List<ProjectDepositSummary>> SummariesAsync(AppDbContext db, IReadOnlyList<Project> projects, IQueryable<int> projectIds,
        DateTime nowUtc, CancellationToken ct)
    {
        var list = await db.DepositLedger.IgnoreQueryFilters().AsNoTracking().Where(e => projectIds.Contains(e.ProjectId))
            .Select(e => new Entry(e.ProjectId, e.ApplicationId, e.Account, e.Kind, e.Amount, e.At)).ToListAsync(ct);
        var entries = list.ToLookup(e => e.ProjectId);
        // Every application of the projects, kept when it has entries: cheaper than asking the database for those with
        // entries (a semi-join probing the ledger once per application, measured at about half of the reading time).
        var withEntries = list.Select(e => e.ApplicationId).ToHashSet();
        var apps = (await db.RenovationApplications.IgnoreQueryFilters().AsNoTracking().Where(a => projectIds.Contains(a.ProjectId))
            .Select(a => new App(a.Id, a.ProjectId, a.Number, a.UnitId, a.Status, a.ObservationEndsOn)).ToListAsync(ct))
            .Where(a => withEntries.Contains(a.Id)).ToLookup(a => a.ProjectId);
        var noPlaces = new Dictionary<int, string>();
        return projects.Select(p => Compute(p, nowUtc, entries[p.Id].ToList(), apps[p.Id].ToList(), noPlaces).Summary).ToList();
    }

    private sealed record Entry(int ProjectId, int ApplicationId, LedgerAccount Account, LedgerEntryKind Kind, decimal Amount, DateTime At);

    private sealed record App(int Id, int ProjectId, string Number, int UnitId, RenovationStatus Status, DateOnly? ObservationEndsOn);

    /// <summary>The figures of one project from its entries and the applications they belong to: the one place that
    /// counts, for the project's report and HQ's alike.</summary>
    private static (ProjectDepositSummary Summary, List<DepositAppRow> Rows) Compute(Project project, DateTime nowUtc, List<Entry> entries, List<App> list,
        IReadOnlyDictionary<int, string> places)
    {
        var clock = ProjectClock.For(new FixedTime(nowUtc), project);
        var today = clock.Today;
        var monthStart = clock.ToUtc(new DateTime(today.Year, today.Month, 1));
        var monthEnd = clock.ToUtc(new DateTime(today.Year, today.Month, 1).AddMonths(1));
        var balances = entries.Where(e => e.Account == LedgerAccount.Deposit).GroupBy(e => e.ApplicationId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        var rows = list.Select(a =>
        {
            var balance = balances.GetValueOrDefault(a.Id);
            var due = balance > 0 && a.Status == RenovationStatus.Accepted && a.ObservationEndsOn is { } end && today >= end;
            var overdue = due ? Math.Max(0, today.DayNumber - a.ObservationEndsOn!.Value.DayNumber - OverdueAfterDays) : 0;
            return new DepositAppRow(a.Id, a.Number, a.UnitId, places.GetValueOrDefault(a.UnitId, ""), a.Status, balance, a.ObservationEndsOn, due, overdue);
        }).OrderByDescending(r => r.DaysOverdue).ThenByDescending(r => r.RefundDue).ThenBy(r => r.Number).ToList();
        var held = rows.Where(r => r.Balance > 0).ToList();
        var dueRows = rows.Where(r => r.RefundDue).ToList();
        var overdueRows = rows.Where(r => r.RefundOverdue).ToList();
        // Collected this month, net of reversals made this month of collections (a mistake undone is not money taken).
        var collected = entries.Where(e => e.Account == LedgerAccount.Deposit && e.At >= monthStart && e.At < monthEnd
            && (e.Kind == LedgerEntryKind.Collected || (e.Kind == LedgerEntryKind.Reversal && e.Amount < 0))).Sum(e => e.Amount);
        return (new ProjectDepositSummary(project.Id, project.Name, held.Sum(r => r.Balance), held.Count, collected, dueRows.Count, dueRows.Sum(r => r.Balance),
            overdueRows.Count, overdueRows.Sum(r => r.Balance)), rows);
    }

    public static IEnumerable<DepositAppRow> Filter(IEnumerable<DepositAppRow> rows, DepositFilter filter) => filter switch
    {
        DepositFilter.Due => rows.Where(r => r.RefundDue),
        DepositFilter.Overdue => rows.Where(r => r.RefundOverdue),
        _ => rows.Where(r => r.Balance > 0),
    };

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
