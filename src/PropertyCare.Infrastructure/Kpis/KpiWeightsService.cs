using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Kpis;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Kpis;

public sealed record KpiWeightsView(IReadOnlyDictionary<KpiKind, int> Weights, int Version, bool IsDefault, string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>HQ's KPI weights for its own company: read with HqRead, changed with HqAudit (HQ's own record), validated by
/// the domain (each 0–100, sum 100), optimistic concurrency on Version (0 = "still the defaults").</summary>
public sealed class KpiWeightsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time)
{
    public async Task<KpiWeightsView> GetAsync(CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqRead);
        var companyId = tenant.RequireUser().CompanyId ?? -1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.KpiWeightSets.AsNoTracking().FirstOrDefaultAsync(w => w.CompanyId == companyId, ct);
        return row == null ? new(KpiWeightSet.Defaults(), 0, true, null, null) : new(row.Weights, row.Version, false, row.UpdatedByName, row.UpdatedAt);
    }

    public async Task SaveAsync(IReadOnlyDictionary<KpiKind, int> weights, int expectedVersion, CancellationToken ct = default)
    {
        tenant.Require(Permissions.HqAudit);
        var user = tenant.RequireUser();
        var companyId = user.CompanyId ?? throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.KpiWeightSets.FirstOrDefaultAsync(w => w.CompanyId == companyId, ct);
        if ((row?.Version ?? 0) != expectedVersion) throw new ConcurrencyConflictException();
        if (row == null) db.KpiWeightSets.Add(row = new KpiWeightSet { CompanyId = companyId, Version = 1 });
        row.Set(weights, user.DisplayName, time.GetUtcNow().UtcDateTime);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException(); }
        // Two first saves at once: the unique CompanyId index lets one in; the other reloads.
        catch (DbUpdateException) when (expectedVersion == 0) { throw new ConcurrencyConflictException(); }
    }
}
