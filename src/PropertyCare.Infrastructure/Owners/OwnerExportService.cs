using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Owners;

/// <summary>Exports the current filtered owner list to xlsx. Owner data leaving the system is
/// permission-controlled and logged (保密管理); numbers stay masked unless the user may reveal them.</summary>
public sealed class OwnerExportService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public const int MaxRows = 20_000;

    public async Task<byte[]> ExportAsync(OwnerListQuery query, bool chinese, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.OwnersExport);
        var user = tenant.RequireUser();
        var full = user.Has(Permissions.OwnersReveal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owners = await query.Apply(db.Owners.AsNoTracking(), db.UnitOwnerships).OrderBy(o => o.Id).Take(MaxRows).ToListAsync(ct);
        var ids = owners.Select(o => o.Id).ToList();
        var units = (await UnitAddress.ForOwners(db.UnitOwnerships, ids).ToListAsync(ct)).ToLookup(x => x.OwnerId, x => x.Address.ToString());

        string[] header = chinese
            ? ["业主姓名", "房屋", "证件类型", "证件号码", "手机号码", "备用电话", "联系偏好", "入住日期", "号码待核实"]
            : ["Owner", "Units", "ID type", "ID number", "Phone", "Second phone", "Preferred contact", "Move-in date", "Number to verify"];
        var rows = owners.Select(o => new[]
        {
            o.Name, string.Join("、", units[o.Id]), o.IdType.Label().For(chinese),
            full ? o.IdNumber : ContactRules.MaskIdNumber(o.IdNumber),
            full ? o.Phone : ContactRules.MaskPhone(o.Phone),
            full ? o.Phone2 ?? "" : ContactRules.MaskPhone(o.Phone2),
            o.ContactPreference.Label().For(chinese), o.MoveInDate?.ToString("yyyy-MM-dd") ?? "",
            o.PhoneFlaggedWrong ? (chinese ? "是" : "yes") : "",
        }).ToList();

        db.SensitiveAccesses.Add(new SensitiveAccess
        {
            ProjectId = projectId, Kind = SensitiveAccessKind.Export, EntityType = nameof(Owner), Field = full ? "full" : "masked",
            Detail = $"{query.Describe()}; rows={rows.Count}", At = DateTime.UtcNow, UserId = user.UserId, UserName = user.DisplayName,
            ClientIp = tenant.ClientIp,
        });
        await db.SaveChangesAsync(ct);
        return XlsxWriter.Write(header, rows.Select(r => (IReadOnlyList<string>)r), chinese ? "业主档案" : "Owners");
    }
}
