using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.VacantUnits;

/// <summary>The repair tests' world (real services over a fresh database, a hand-moved clock starting Monday 2026-11-23
/// 10:00 Shanghai, projects A and B of two companies) with the vacant-unit services and helpers: vacant units, desk
/// staff, portal accounts and a filled-in checklist.</summary>
internal sealed class VacantWorld : IAsyncDisposable
{
    public RepairWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    private VacantWorld(RepairWorld w) => W = w;

    public static async Task<VacantWorld> CreateAsync(DatabaseProvider provider) => new(await RepairWorld.CreateAsync(provider));

    public VacantUnitService Desk(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<VacantUnitService>();
    public KeyCustodyService Keys(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<KeyCustodyService>();
    public VacantSettingsService Settings(Project p, string role = Roles.ProjectManager) => W.As(role, p, "u-mgr", "经理老周").GetRequiredService<VacantSettingsService>();
    public VacantCycleJob CycleJob(Project p) => W.As(Roles.ProjectManager, p, "u-job", "job").GetRequiredService<VacantCycleJob>();
    public VacantEscalationJob EscalationJob(Project p) => W.As(Roles.ProjectManager, p, "u-job", "job").GetRequiredService<VacantEscalationJob>();
    public PortalVacantService Portal(Project p, int ownerId) => W.As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalVacantService>();
    public AttachmentService Files(Project p, string role, int? ownerId = null) => W.As(role, p, ownerId == null ? "u-files" : $"u-owner-{ownerId}", "看文件", ownerId).GetRequiredService<AttachmentService>();

    /// <summary>A unit with an owner, set to 空置 (or another state).</summary>
    public async Task<(int UnitId, int OwnerId)> VacantUnitAsync(Project p, string room, string owner = "张伟", string phone = "13800138000", UnitState state = UnitState.Vacant)
    {
        var (unit, ownerId) = await W.AddUnitAsync(p, room, owner, phone);
        await SetStateAsync(p, unit, state);
        return (unit, ownerId);
    }

    public async Task SetStateAsync(Project p, int unitId, UnitState state)
    {
        await using var db = W.Db(p);
        var u = await db.Units.SingleAsync(x => x.Id == unitId);
        u.State = state;
        await db.SaveChangesAsync();
    }

    public Task<string> StaffAsync(Project p, string userName, string name) => W.AddUserAsync(p, Roles.ServiceDesk, userName, name);

    /// <summary>A portal account of the owner (an AppUser carrying the owner id).</summary>
    public async Task<string> PortalAccountAsync(Project p, int ownerId, string userName)
    {
        var id = await W.AddUserAsync(p, Roles.Owner, userName, "业主账号");
        using var scope = W.App.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var u = (await users.FindByIdAsync(id))!;
        u.OwnerId = ownerId;
        await users.UpdateAsync(u);
        return id;
    }

    /// <summary>Every item passed, except the ones named as failed (with a note).</summary>
    public static Dictionary<string, (CheckResult Result, string? Note)> Answers(params (string Item, string Note)[] failed)
    {
        var a = VacantUnitInspection.Checklist.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));
        foreach (var (item, note) in failed) a[item] = (CheckResult.Failed, note);
        return a;
    }

    public static readonly MeterReadings Meters = new(12.5m, 300m, null);

    public async Task<List<VacantInspectionTask>> TasksAsync(Project p)
    {
        await using var db = W.Db(p);
        return await db.VacantInspectionTasks.AsNoTracking().OrderBy(t => t.UnitId).ToListAsync();
    }

    public async Task<RepairOrder> OrderAsync(Project p, int id) => await W.OrderAsync(p, id);

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
