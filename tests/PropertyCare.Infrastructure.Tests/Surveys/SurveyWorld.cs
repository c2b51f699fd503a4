using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Surveys;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>The repair tests' world (real services, clock Monday 2026-11-23 10:00 Shanghai; A of company 甲, B of 乙) plus
/// A2, a second project of company 甲, and the survey services as HQ, a manager, the desk and an owner.</summary>
internal sealed class SurveyWorld : IAsyncDisposable
{
    public RepairWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    public Project A2 { get; private set; } = null!;
    public static readonly DateOnly Today = new(2026, 11, 23);

    private SurveyWorld(RepairWorld w) => W = w;

    public static async Task<SurveyWorld> CreateAsync(DatabaseProvider provider)
    {
        var w = new SurveyWorld(await RepairWorld.CreateAsync(provider));
        await using var db = new AppDbContext(w.W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        w.A2 = new Project { Name = "翠湖二期", Code = "A2", CompanyId = w.A.CompanyId };
        db.Projects.Add(w.A2);
        await db.SaveChangesAsync();
        return w;
    }

    public HqSurveyService Hq(Project p) => W.As(Roles.HqAuditor, p, "u-hq", "总部品质部").GetRequiredService<HqSurveyService>();
    public HqSurveyQueries HqResults(Project p) => W.As(Roles.HqAuditor, p, "u-hq", "总部品质部").GetRequiredService<HqSurveyQueries>();
    public ProjectSurveyService Manager(Project p, string role = Roles.ProjectManager) => W.As(role, p, "u-mgr", "经理老周").GetRequiredService<ProjectSurveyService>();
    public SurveyResultsService Results(Project p, string role = Roles.ProjectManager) => W.As(role, p, "u-mgr", "经理老周").GetRequiredService<SurveyResultsService>();
    public SurveyTemplateService Templates(Project p, string role) => W.As(role, p, "u-t", "某人").GetRequiredService<SurveyTemplateService>();
    public SurveyInterviewService Interview(Project p, string role = Roles.ServiceDesk) => W.As(role, p, "u-desk", "客服小李").GetRequiredService<SurveyInterviewService>();
    public PortalSurveyService Portal(Project p, int ownerId) => W.As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalSurveyService>();
    public SurveyDailyJob Job(Project p) => W.As(Roles.ProjectManager, p, "system", "系统任务").GetRequiredService<SurveyDailyJob>();

    public static CampaignDraft Draft(string title = "四季度满意度调查", SurveyTarget target = SurveyTarget.AllOccupied, int percent = 100,
        DateOnly? opens = null, DateOnly? closes = null, int remind = 3, List<SurveyItem>? items = null) =>
        new(title, null, items ?? Three(), target, percent, opens ?? Today, closes ?? Today.AddDays(7), remind);

    public static List<SurveyItem> Three() =>
    [
        new() { Area = ServiceArea.CustomerService, Text = "客服态度" },
        new() { Area = ServiceArea.Repairs, Text = "维修及时" },
        new() { Area = ServiceArea.Cleaning, Text = "保洁卫生" },
    ];

    /// <summary>An occupied unit with an owner (phone given) — a survey target.</summary>
    public Task<(int UnitId, int OwnerId)> OwnerAsync(Project p, string room, string phone = "13800138000") => W.AddUnitAsync(p, room, "业主" + room, phone);

    /// <summary>A portal account for the owner (for the in-app invitation).</summary>
    public async Task<string> PortalAccountAsync(Project p, int ownerId)
    {
        using var scope = W.App.Provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = $"owner{ownerId}", DisplayName = "业主", CompanyId = p.CompanyId, OwnerId = ownerId, IsActive = true, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return user.Id;
    }

    public async Task<int> UnitAsync(Project p, string room, UnitState state)
    {
        await using var db = W.Db(p);
        var b = await db.Buildings.FirstAsync();
        var u = new Unit { BuildingId = b.Id, Entrance = "1", Floor = 3, Room = room, Area = 90m, Type = "两室", State = state };
        db.Units.Add(u);
        await db.SaveChangesAsync();
        return u.Id;
    }

    /// <summary>Moves a unit to another state (a vacant unit whose owner has not moved in is not asked).</summary>
    public async Task StateAsync(Project p, int unitId, UnitState state)
    {
        await using var db = W.Db(p);
        var u = await db.Units.SingleAsync(x => x.Id == unitId);
        u.State = state;
        await db.SaveChangesAsync();
    }

    public async Task<SurveyCampaign> CampaignAsync(int id)
    {
        await using var db = new AppDbContext(W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return await db.SurveyCampaigns.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public async Task<List<SurveyInvitation>> InvitationsAsync(int campaignId)
    {
        await using var db = new AppDbContext(W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return await db.SurveyInvitations.IgnoreQueryFilters().AsNoTracking().Where(i => i.CampaignId == campaignId).OrderBy(i => i.UnitId).ToListAsync();
    }

    public async Task<List<SurveyResponse>> ResponsesAsync(int campaignId)
    {
        await using var db = new AppDbContext(W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking().Where(i => i.CampaignId == campaignId).OrderBy(i => i.UnitId).ToListAsync();
    }

    public async Task<List<Domain.Notifications.OutboxMessage>> OutboxAsync(string keyPrefix)
    {
        await using var db = new AppDbContext(W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        return await db.OutboxMessages.IgnoreQueryFilters().AsNoTracking().Where(m => m.DedupKey.StartsWith(keyPrefix)).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>A manager's project campaign, created and started (invitations out).</summary>
    public async Task<int> StartedAsync(Project p, CampaignDraft? draft = null)
    {
        var id = await Manager(p).CreateAsync(draft ?? Draft());
        await Manager(p).StartAsync(id, (await CampaignAsync(id)).Version);
        return id;
    }

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
