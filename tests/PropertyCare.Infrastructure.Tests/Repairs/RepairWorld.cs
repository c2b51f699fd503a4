using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The real services over a fresh SQLite file, with two companies' projects, a hand-moved clock
/// starting Monday 2026-11-23 10:00 Asia/Shanghai, and helpers to add staff, units and owners, and to act as
/// a desk user, a technician, a manager or an owner in the portal.</summary>
internal sealed class RepairWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    public TestClock Clock { get; }
    public AppServices App { get; }
    public Project A { get; private set; } = null!;
    public Project B { get; private set; } = null!;
    private readonly List<IServiceScope> _scopes = [];

    private RepairWorld(DatabaseProvider provider)
    {
        Clock = new TestClock(Start);
        var clock = Clock;
        App = new AppServices(s => s.AddSingleton<TimeProvider>(clock), provider: provider);
    }

    public static async Task<RepairWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var w = new RepairWorld(provider);
        (w.A, w.B) = await w.App.TwoCompaniesAsync();
        return w;
    }

    /// <summary>A scope whose tenant context is this user inside the project (OwnerId for a portal user).</summary>
    public IServiceProvider As(string role, Project project, string userId = "u-desk", string displayName = "客服小李", int? ownerId = null)
    {
        var scope = App.Provider.CreateScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<TenantContext>()
            .SetUser(new UserIdentity(userId, displayName, project.CompanyId, new HashSet<string> { role }, ownerId));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return scope.ServiceProvider;
    }

    public RepairService Desk(Project p, string userId = "u-desk") => As(Roles.ServiceDesk, p, userId).GetRequiredService<RepairService>();
    public RepairService Manager(Project p, string userId = "u-mgr") => As(Roles.ProjectManager, p, userId, "经理老周").GetRequiredService<RepairService>();
    public CallbackService Callbacks(Project p, string userId = "u-desk") => As(Roles.ServiceDesk, p, userId).GetRequiredService<CallbackService>();
    public TechnicianService Tech(Project p, string userId) => As(Roles.Technician, p, userId, "技工").GetRequiredService<TechnicianService>();
    public PortalRepairService Portal(Project p, int ownerId) => As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalRepairService>();

    /// <summary>An active user in the role, assigned to the project, as StaffService creates them.</summary>
    public async Task<string> AddUserAsync(Project project, string role, string userName, string displayName, string? phone = null, bool active = true)
    {
        using var scope = App.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = displayName, PhoneNumber = phone, CompanyId = project.CompanyId, IsActive = active, CreatedAt = DateTime.UtcNow };
        var r = await users.CreateAsync(user);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        await using var db = new AppDbContext(App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        db.ProjectAssignments.Add(new ProjectAssignment { UserId = user.Id, ProjectId = project.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A unit in building 1栋 and an owner who owns it (primary).</summary>
    public async Task<(int UnitId, int OwnerId)> AddUnitAsync(Project project, string room, string ownerName, string phone)
    {
        await using var db = Db(project);
        var b = await db.Buildings.FirstOrDefaultAsync(x => x.Name == "1栋");
        if (b == null) { b = new Building { Name = "1栋", Floors = 30 }; db.Buildings.Add(b); await db.SaveChangesAsync(); }
        var unit = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 12, Room = room, Area = 89.5m, Type = "三室两厅", State = UnitState.Occupied };
        var owner = new Owner { Name = ownerName, IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = phone };
        db.Units.Add(unit);
        db.Owners.Add(owner);
        await db.SaveChangesAsync();
        db.UnitOwnerships.Add(new UnitOwnership { UnitId = unit.Id, OwnerId = owner.Id, IsPrimary = true });
        await db.SaveChangesAsync();
        return (unit.Id, owner.Id);
    }

    /// <summary>A context inside the project, for arranging and checking rows directly.</summary>
    public AppDbContext Db(Project project) =>
        As(Roles.ProjectManager, project, "u-check").GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public async Task<RepairOrder> OrderAsync(Project project, int id)
    {
        await using var db = Db(project);
        return await db.RepairOrders.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    public static RepairIntake Intake(int unitId, string category = "水电", RepairUrgency urgency = RepairUrgency.Normal, string description = "厨房水龙头漏水") =>
        new(unitId, null, category, description, urgency, RepairChannel.Phone);

    /// <summary>Dispatches the order to the technician, who accepts, arrives and completes it (free).</summary>
    public async Task DispatchAndCompleteAsync(Project project, int orderId, string techId, string deskId = "u-desk")
    {
        await Desk(project, deskId).DispatchAsync(orderId, (await OrderAsync(project, orderId)).Version, techId);
        var tech = Tech(project, techId);
        await tech.AcceptAsync(orderId, (await OrderAsync(project, orderId)).Version);
        await tech.ArriveAsync(orderId, (await OrderAsync(project, orderId)).Version);
        await tech.CompleteAsync(orderId, (await OrderAsync(project, orderId)).Version, "更换阀芯", "阀芯 1 个", FeeKind.Free, null, []);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _scopes) s.Dispose();
        await App.DisposeAsync();
    }
}
