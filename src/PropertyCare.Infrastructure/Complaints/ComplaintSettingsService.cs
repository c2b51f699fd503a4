using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Complaints;

/// <summary>投诉设置: staff read them; the manager saves them. A project that never saved them works with the defaults
/// (version 0), which are not written until the first save.</summary>
public sealed class ComplaintSettingsService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant)
{
    public async Task<ComplaintSettings> GetAsync(CancellationToken ct = default)
    {
        var projectId = tenant.RequireProjectAny(Permissions.ComplaintsRead, Permissions.ComplaintsWork, Permissions.OwnerPortal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, projectId, ct);
    }

    public async Task SaveAsync(ComplaintSettings.Numbers numbers, IEnumerable<string> categories, IEnumerable<ComplaintDepartment> departments,
        int expectedVersion, CancellationToken ct = default)
    {
        var projectId = tenant.RequireProject(Permissions.ComplaintsManage);
        var cats = categories.ToList();
        var depts = departments.ToList();
        ComplaintSettings.Validate(numbers, cats, depts, out _, out _).ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A department head must be a member of this project's staff (never someone of another project).
        var heads = depts.Where(d => !string.IsNullOrWhiteSpace(d.HeadUserId)).Select(d => d.HeadUserId!).Distinct().ToList();
        var staff = await ProjectStaff.NamesAsync(db, projectId, heads, ct);
        foreach (var d in depts.Where(d => !string.IsNullOrWhiteSpace(d.HeadUserId)))
        {
            if (!staff.TryGetValue(d.HeadUserId!, out var name))
                throw new Domain.Common.ValidationException([new(nameof(ComplaintSettings.Departments), new($"“{d.Name}”的负责人不是本项目员工", $"The head of '{d.Name}' is not on this project's staff"))]);
            d.HeadName = name;
        }
        var s = await db.ComplaintSettings.FirstOrDefaultAsync(ct);
        if ((s?.Version ?? 0) != expectedVersion) throw new Domain.Common.ConcurrencyConflictException();
        // Stored settings start at version 1, so 0 keeps meaning "the defaults, never saved".
        if (s == null) { s = new ComplaintSettings { ProjectId = projectId, Version = 1 }; db.ComplaintSettings.Add(s); }
        s.Change(numbers, cats, depts);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two managers saving the first settings at once: the unique index per project keeps one.
            throw new Domain.Common.ConcurrencyConflictException();
        }
    }

    /// <summary>The stored settings, or the defaults (untracked, version 0).</summary>
    internal static async Task<ComplaintSettings> LoadAsync(AppDbContext db, int projectId, CancellationToken ct) =>
        await db.ComplaintSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new ComplaintSettings { ProjectId = projectId };
}
