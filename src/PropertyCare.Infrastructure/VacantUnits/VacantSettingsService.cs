using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.VacantUnits;

/// <summary>空置房巡查设置: the frequency of the project's inspection cycle. Staff read it; the manager sets it.</summary>
public sealed class VacantSettingsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<VacantSettingsView> GetAsync(CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await LoadAsync(db, ct);
        return new(s.Frequency, s.Version);
    }

    /// <summary>Takes effect with the next run of the cycle job: tasks already made keep their cycle and due time.</summary>
    public async Task SetFrequencyAsync(int expectedVersion, InspectionFrequency frequency, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.VacantManage);
        if (!Enum.IsDefined(frequency)) throw new ValidationException([new(nameof(VacantInspectionSettings.Frequency), new("请选择巡查频率", "Choose a frequency"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await LoadAsync(db, ct, tracked: true);
        if (s.Version != expectedVersion) throw new ConcurrencyConflictException();
        s.Frequency = frequency;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The settings row, created with the default (monthly) the first time, like the repair settings.</summary>
    internal static async Task<VacantInspectionSettings> LoadAsync(AppDbContext db, CancellationToken ct, bool tracked = false)
    {
        var q = tracked ? db.VacantInspectionSettings : db.VacantInspectionSettings.AsNoTracking();
        var s = await q.FirstOrDefaultAsync(ct);
        if (s != null) return s;
        s = new VacantInspectionSettings();
        db.VacantInspectionSettings.Add(s);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another request created it first (unique per project).
            db.Entry(s).State = EntityState.Detached;
            s = await q.FirstAsync(ct);
        }
        return s;
    }

    /// <summary>The cycle the project is in now, on its own wall clock.</summary>
    internal static async Task<InspectionCycle> CurrentCycleAsync(AppDbContext db, ProjectClock clock, CancellationToken ct) =>
        InspectionCycle.At((await LoadAsync(db, ct)).Frequency, clock.UtcNow, clock.Zone);
}
