using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>客户投诉统计表 of the project for a month, quarter or year: the period is the project's local days (a complaint
/// received at 23:30 Shanghai on the 31st belongs to that month), turned into a UTC range for the query.</summary>
public sealed class ComplaintStatisticsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public async Task<ComplaintStatistics> GetAsync(ComplaintPeriod period, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.ComplaintsRead);
        period.Validate().ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, ctime) = await ComplaintClock.ForAsync(db, time, tenant.Project!, ct);
        var from = ctime.ToUtc(period.From.ToDateTime(TimeOnly.MinValue));
        var until = ctime.ToUtc(period.Until.ToDateTime(TimeOnly.MinValue));
        var list = await db.Complaints.AsNoTracking().Where(c => c.ProjectId == projectId && c.ReceivedAt >= from && c.ReceivedAt < until).ToListAsync(ct);
        return ComplaintStatistics.Of(tenant.Project!.Name, period, list);
    }

    /// <summary>The current month of the project (the page's default period).</summary>
    public ComplaintPeriod ThisMonth() => ComplaintPeriod.MonthOf(Repairs.ProjectClock.For(time, tenant.Project ?? throw new AccessDeniedException()).Today);

    public async Task<byte[]> ExportAsync(ComplaintPeriod period, CancellationToken ct = default) => ComplaintStatisticsExport.Write(await GetAsync(period, ct));
}

/// <summary>The statistics as one sheet: the figures with their definitions, then each breakdown.</summary>
internal static class ComplaintStatisticsExport
{
    public static byte[] Write(ComplaintStatistics s)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "项目", s.ProjectName, "" }, new[] { "统计期", s.Period.Label.Zh, "" }, new[] { "", "", "" } };
        rows.AddRange(ComplaintFigures.All.Select(d => (IReadOnlyList<string>)[d.Name.Zh, s.Figures.Show(d), d.Definition.Zh]));
        foreach (var (title, table) in s.Tables)
        {
            rows.Add(["", "", ""]);
            rows.Add([title.Zh, "数量", ""]);
            rows.AddRange(table.Select(r => (IReadOnlyList<string>)[r.Label.Zh, r.Count.ToString(), ""]));
        }
        return XlsxWriter.Write(["指标", "数值", "口径"], rows, "客户投诉统计表");
    }
}
