using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>保证金报表 of the current project (RenovationRead): the summary and the applications behind each figure,
/// paged; and the xlsx of the drill-down.</summary>
public sealed class DepositReportService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public async Task<ProjectDepositSummary> SummaryAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await DepositReporting.ForProjectAsync(db, tenant.Project!, time.GetUtcNow().UtcDateTime, false, ct)).Summary;
    }

    public async Task<Page<DepositAppRow>> ApplicationsAsync(DepositFilter filter, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        pageIndex = Math.Max(1, pageIndex);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = DepositReporting.Filter((await DepositReporting.ForProjectAsync(db, tenant.Project!, time.GetUtcNow().UtcDateTime, false, ct)).Rows, filter).ToList();
        return new Page<DepositAppRow>(rows.Skip((pageIndex - 1) * pageSize).Take(pageSize).ToList(), rows.Count, pageIndex, pageSize);
    }

    public async Task<byte[]> ExportAsync(DepositFilter filter, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = DepositReporting.Filter((await DepositReporting.ForProjectAsync(db, tenant.Project!, time.GetUtcNow().UtcDateTime, false, ct)).Rows, filter);
        return DepositExport.Write(rows);
    }
}

internal static class DepositExport
{
    public static byte[] Write(IEnumerable<DepositAppRow> rows) =>
        XlsxWriter.Write(["申请编号", "房屋", "状态", "保证金余额(元)", "观察期结束", "应清退", "逾期天数"],
            rows.Select(r => (IReadOnlyList<string>)[r.Number, r.Address, r.Status.Label().Zh, r.Balance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                r.ObservationEndsOn?.ToString("yyyy-MM-dd") ?? "", r.RefundDue ? "是" : "否", r.DaysOverdue.ToString()]), "保证金台账");
}
