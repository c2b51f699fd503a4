using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Quality;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Quality;

/// <summary>抽访设置 of the HQ user's own company. HQ reads and changes them (HqAudit); never another company's.</summary>
public sealed class QualitySettingsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<CompanyQualitySettings> GetAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var companyId = tenant.RequireUser().CompanyId ?? throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, companyId, ct);
    }

    public async Task SaveAsync(int sharePercent, int minimum, int noticeDays, int expectedVersion, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var companyId = tenant.RequireUser().CompanyId ?? throw new AccessDeniedException();
        CompanyQualitySettings.Validate(sharePercent, minimum, noticeDays).ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.CompanyQualitySettings.FirstOrDefaultAsync(x => x.CompanyId == companyId, ct);
        if ((s?.Version ?? 0) != expectedVersion) throw new ConcurrencyConflictException();
        // Stored settings start at version 1, so 0 keeps meaning "the defaults, never saved".
        if (s == null) { s = new CompanyQualitySettings { CompanyId = companyId, Version = 1 }; db.CompanyQualitySettings.Add(s); }
        s.Change(sharePercent, minimum, noticeDays);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two auditors saving the first settings at once: the unique index per company keeps one.
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>The stored settings, or the defaults (untracked, version 0).</summary>
    internal static async Task<CompanyQualitySettings> LoadAsync(AppDbContext db, int companyId, CancellationToken ct) =>
        await db.CompanyQualitySettings.AsNoTracking().FirstOrDefaultAsync(x => x.CompanyId == companyId, ct) ?? new CompanyQualitySettings { CompanyId = companyId };
}
