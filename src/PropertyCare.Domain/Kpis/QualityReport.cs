namespace PropertyCare.Domain.Kpis;

public enum ReportKind { Weekly = 0, Monthly = 1 }

/// <summary>A report snapshot (周报表 / 月报表): what HQ saw on Monday stays what it was. Written once by the report job
/// and never changed — the database refuses UPDATE and DELETE of its rows (QualityReportGuard); a second run of the job
/// for the same period finds it (unique CompanyId, ProjectId, Kind, PeriodStart) and does nothing. ProjectId null is
/// the company-wide report. Content is the report's figures as JSON (QualityReportContent), frozen.</summary>
public class QualityReport
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public int? ProjectId { get; set; }
    /// <summary>ProjectId, or 0 for the company-wide report: the unique index needs a non-null column (a NULL is distinct
    /// from every other NULL in SQLite's and PostgreSQL's unique indexes, so two company-wide rows would both fit).</summary>
    public int ScopeKey { get; private set; }
    public ReportKind Kind { get; set; }
    /// <summary>First day of the period, project (or company) local: a Monday, or the 1st of the month.</summary>
    public DateOnly PeriodStart { get; set; }
    /// <summary>Last day, inclusive.</summary>
    public DateOnly PeriodEnd { get; set; }
    public DateTime GeneratedAt { get; set; }
    public string Content { get; set; } = "{}";

    public bool IsCompanyWide => ProjectId == null;

    public static QualityReport Create(int companyId, int? projectId, ReportKind kind, DateOnly start, DateOnly end, DateTime generatedAt, string content) => new()
    {
        CompanyId = companyId, ProjectId = projectId, ScopeKey = projectId ?? 0, Kind = kind,
        PeriodStart = start, PeriodEnd = end, GeneratedAt = generatedAt, Content = content,
    };

    public static (DateOnly Start, DateOnly End) WeekOf(DateOnly day)
    {
        var start = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (start, start.AddDays(6));
    }

    public static (DateOnly Start, DateOnly End) MonthOf(DateOnly day)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        return (start, start.AddMonths(1).AddDays(-1));
    }
}
