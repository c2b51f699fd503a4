using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>Part C's test world: the real services over a fresh database with two companies' projects (A of company 甲,
/// B of company 乙), a clock the test sets to any Shanghai local time, and complaints made through the domain's own steps
/// (register with its number, classify, plan, handle, call back) as the desk would — the desk pages are another part's.</summary>
internal sealed class ComplaintJobWorld : IAsyncDisposable
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public TestClock Clock { get; }
    public AppServices App { get; }
    public Project A { get; private set; } = null!;
    public Project B { get; private set; } = null!;
    private readonly List<IServiceScope> _scopes = [];

    private ComplaintJobWorld(DatabaseProvider provider, DateTime startLocal)
    {
        Clock = new TestClock(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(startLocal, Shanghai), TimeSpan.Zero));
        var clock = Clock;
        App = new AppServices(s => s.AddSingleton<TimeProvider>(clock), provider: provider);
    }

    public static async Task<ComplaintJobWorld> CreateAsync(DatabaseProvider provider, DateTime startLocal)
    {
        var w = new ComplaintJobWorld(provider, DateTime.SpecifyKind(startLocal, DateTimeKind.Unspecified));
        (w.A, w.B) = await w.App.TwoCompaniesAsync();
        return w;
    }

    /// <summary>Moves the clock to a Shanghai wall-clock time (forwards or back).</summary>
    public void SetLocal(DateTime local) =>
        Clock.Advance(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Shanghai) - Clock.Now.UtcDateTime);

    public DateTime NowUtc => Clock.Now.UtcDateTime;

    /// <summary>A new scope (a fresh DbContext and services, as after a restart) with this user inside the project.</summary>
    public IServiceProvider As(string role, Project project, string userId = "u-job", string name = "job")
    {
        var scope = App.Provider.CreateScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(userId, name, project.CompanyId, new HashSet<string> { role }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return scope.ServiceProvider;
    }

    public ComplaintEscalationJob Escalation(Project p) => As(Roles.ProjectManager, p).GetRequiredService<ComplaintEscalationJob>();
    public ComplaintFollowUpReminderJob FollowUps(Project p) => As(Roles.ProjectManager, p).GetRequiredService<ComplaintFollowUpReminderJob>();
    public ComplaintCallbackDueJob Callbacks(Project p) => As(Roles.ProjectManager, p).GetRequiredService<ComplaintCallbackDueJob>();
    public ComplaintStatisticsService Statistics(Project p, string role = Roles.ServiceDesk) => As(role, p, "u-stats", "看统计").GetRequiredService<ComplaintStatisticsService>();

    public AppDbContext Db(Project project) => As(Roles.ProjectManager, project, "u-check").GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>An active user in the role of the project's company (assigned to the project unless HQ).</summary>
    public async Task<string> AddUserAsync(Project project, string role, string userName, string displayName, string? phone = null)
    {
        using var scope = App.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = displayName, PhoneNumber = phone, CompanyId = project.CompanyId, IsActive = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (role != Roles.HqAuditor)
        {
            await using var db = new AppDbContext(App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
            db.ProjectAssignments.Add(new ProjectAssignment { UserId = user.Id, ProjectId = project.Id });
            await db.SaveChangesAsync();
        }
        return user.Id;
    }

    /// <summary>Saves the project's settings with the given department heads (others keep no head).</summary>
    public async Task<ComplaintSettings> SettingsAsync(Project p, params (string Dept, string HeadId, string HeadName)[] heads)
    {
        await using var db = Db(p);
        var s = await db.ComplaintSettings.FirstOrDefaultAsync();
        if (s == null) { s = new ComplaintSettings { ProjectId = p.Id }; db.ComplaintSettings.Add(s); }
        s.Change(s.Current, s.Categories, s.Departments.Select(d =>
            heads.FirstOrDefault(h => h.Dept == d.Name) is { Dept: not null } h ? new ComplaintDepartment { Name = d.Name, HeadUserId = h.HeadId, HeadName = h.HeadName } : d));
        await db.SaveChangesAsync();
        return s;
    }

    public async Task<int> UnitAsync(Project p, string room)
    {
        await using var db = Db(p);
        var b = await db.Buildings.FirstOrDefaultAsync(x => x.Name == "1栋");
        if (b == null) { b = new Building { Name = "1栋", Floors = 30 }; db.Buildings.Add(b); await db.SaveChangesAsync(); }
        var unit = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 12, Room = room, Area = 89.5m, Type = "三室两厅", State = UnitState.Occupied };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit.Id;
    }

    public static ComplaintIntake Intake(ComplaintKind kind = ComplaintKind.Complaint, ComplaintChannel channel = ComplaintChannel.Phone, int? unitId = null,
        string? category = null, SameDayReason sameDay = SameDayReason.None) =>
        new(kind, channel, unitId, "王女士", "13800138000", "楼道灯坏了一周无人修", "尽快修好", category, sameDay);

    /// <summary>Registers now (as the desk member <paramref name="receiverId"/>, or from the portal).</summary>
    public async Task<int> RegisterAsync(Project p, ComplaintIntake intake, string receiverId = "u-desk", bool byOwner = false)
    {
        await using var db = Db(p);
        var (clock, time) = await ComplaintClock.ForAsync(db, Clock, p, default);
        var settings = await ComplaintSettingsService.LoadAsync(db, p.Id, default);
        return (await ComplaintFiling.RegisterAsync(db, clock, time, settings, intake, null, byOwner, receiverId, byOwner ? "业主" : "客服小李", [], default)).Id;
    }

    /// <summary>Applies one domain step to the stored complaint now, with the project's settings and calendar, and saves it.</summary>
    public async Task StepAsync(Project p, int id, Action<Complaint, ComplaintSettings, ComplaintTime, DateTime> step)
    {
        await using var db = Db(p);
        var (_, time) = await ComplaintClock.ForAsync(db, Clock, p, default);
        var settings = await ComplaintSettingsService.LoadAsync(db, p.Id, default);
        var c = await db.Complaints.SingleAsync(x => x.Id == id);
        step(c, settings, time, NowUtc);
        if (c.Category != null) await ComplaintFiling.MarkRepeatAsync(db, c, settings, default);
        await db.SaveChangesAsync();
    }

    public Task ClassifyAsync(Project p, int id, string dept, string handlerId, string handlerName, ComplaintClass? cls = ComplaintClass.Valid, string category = "维修服务") =>
        StepAsync(p, id, (c, s, t, now) => c.Classify(new ComplaintClassification(c.Kind == ComplaintKind.Complaint ? cls : null,
            c.Kind == ComplaintKind.Complaint ? "物业自身服务不到位" : null, category, SameDayReason.None, dept, handlerId, handlerName), s, "客服小李", now, t));

    public Task PlanAsync(Project p, int id) => StepAsync(p, id, (c, s, t, now) => c.RecordPlan("明天上午派电工更换灯具", "工程部", now, s, t));
    public Task HandleAsync(Project p, int id) => StepAsync(p, id, (c, s, t, now) => c.Handle("已更换灯具并测试正常", "同意", "工程部", now, s, t));
    public Task CallbackAsync(Project p, int id, Satisfaction sat, bool accepts = false, string? opinion = null) =>
        StepAsync(p, id, (c, s, t, now) => c.RecordCallback(new ComplaintCallbackAnswer(sat, accepts, opinion), "客服小李", now, s, t));

    public async Task<Complaint> ComplaintAsync(Project p, int id)
    {
        await using var db = Db(p);
        return await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public async Task<List<OutboxMessage>> MessagesAsync(Project p)
    {
        await using var db = Db(p);
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _scopes) s.Dispose();
        await App.DisposeAsync();
    }
}
