using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Renovation;

/// <summary>装修管理设置: staff read them (an owner reads them through the portal form); the manager saves them.
/// A project that never saved them works with the defaults, which are not written until the first save.</summary>
public sealed class RenovationSettingsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<RenovationSettings> GetAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, projectId, ct);
    }

    /// <summary>Version 0 means "never saved" (the defaults). Applications already approved keep the money fixed then.</summary>
    public async Task SaveAsync(RenovationSettings input, int expectedVersion, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.RenovationApprove);
        input.Validate().ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.RenovationSettings.FirstOrDefaultAsync(ct);
        if ((s?.Version ?? 0) != expectedVersion || (s == null && expectedVersion != 0)) throw new ConcurrencyConflictException();
        // Stored settings start at version 1, so 0 keeps meaning "the defaults, never saved".
        if (s == null) { s = new RenovationSettings { ProjectId = projectId, Version = 1 }; db.RenovationSettings.Add(s); }
        s.DepositMode = input.DepositMode;
        s.DepositAmount = input.DepositAmount;
        s.Fees = input.Fees.Select(f => new RenovationFee { Name = f.Name.Trim(), Amount = f.Amount, PerSquareMeter = f.PerSquareMeter }).ToList();
        s.ScopeCatalog = input.ScopeCatalog.Select(i => new ScopeItem { Name = i.Name.Trim(), NeedsReview = i.NeedsReview && !i.Prohibited, Prohibited = i.Prohibited,
            Reason = string.IsNullOrWhiteSpace(i.Reason) ? null : i.Reason.Trim() }).ToList();
        s.WorkingHours = input.WorkingHours.OrderBy(w => w.Start).Select(w => new WorkWindow { Start = w.Start, End = w.End }).ToList();
        s.NoNoisyWorkOnRestDays = input.NoNoisyWorkOnRestDays;
        s.PatrolEveryDays = input.PatrolEveryDays;
        s.ObservationDays = input.ObservationDays;
        s.MaxDurationDays = input.MaxDurationDays;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two managers saving the first settings at once: the unique index per project keeps one.
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>The stored settings, or the defaults (untracked, version 0).</summary>
    internal static async Task<RenovationSettings> LoadAsync(AppDbContext db, int projectId, CancellationToken ct) =>
        await db.RenovationSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? RenovationSettings.Defaults(projectId);
}
