using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Auditing;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Auditing;

/// <summary>Reads the change history of a record page and the 保密 access log.</summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    /// <summary>Changes of the record and of what hangs under it (an owner's members, contacts, units).</summary>
    public async Task<Page<ChangeRecord>> ForRecordAsync(string entityType, int id, int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.OwnersRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.ChangeRecords.AsNoTracking()
            .Where(c => (c.EntityType == entityType && c.EntityId == id) || (c.ParentType == entityType && c.ParentId == id));
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.Id).Skip((Math.Max(1, pageIndex) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<ChangeRecord>(items, total, pageIndex, pageSize);
    }

    /// <summary>Who revealed or exported owner data: for the manager, who answers for 保密管理.</summary>
    public async Task<Page<SensitiveAccess>> AccessLogAsync(int pageIndex, int pageSize, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.StaffManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = await db.SensitiveAccesses.CountAsync(ct);
        var items = await db.SensitiveAccesses.AsNoTracking().OrderByDescending(a => a.Id)
            .Skip((Math.Max(1, pageIndex) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<SensitiveAccess>(items, total, pageIndex, pageSize);
    }
}
