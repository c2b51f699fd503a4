using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Repairs;

/// <summary>The project's repair settings (categories, deadline, callback days).</summary>
public sealed class RepairSettingsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<RepairSettings> GetAsync(CancellationToken ct = default)
    {
        if (tenant.ProjectId == null) throw new AccessDeniedException(new("请先选择项目", "Choose a project first"));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, ct);
    }

    public async Task SaveAsync(int expectedVersion, int normalDueWorkingDays, int repairCallbackDays, IEnumerable<string> categories, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.RepairsManage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await LoadAsync(db, ct, tracked: true);
        if (s.Version != expectedVersion) throw new ConcurrencyConflictException();
        s.Change(normalDueWorkingDays, repairCallbackDays, categories);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The settings row, created with defaults the first time (so a new project works at once).</summary>
    internal static async Task<RepairSettings> LoadAsync(AppDbContext db, CancellationToken ct, bool tracked = false)
    {
        var q = tracked ? db.RepairSettings : db.RepairSettings.AsNoTracking();
        var s = await q.FirstOrDefaultAsync(ct);
        if (s != null) return s;
        s = new RepairSettings();
        db.RepairSettings.Add(s);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another request created it first.
            db.Entry(s).State = EntityState.Detached;
            s = await q.FirstAsync(ct);
        }
        return s;
    }
}
