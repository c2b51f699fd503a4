using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Quality;
using PropertyCare.Infrastructure.Tests.Complaints;

namespace PropertyCare.Infrastructure.Tests.Quality;

/// <summary>Part A's test world, on the complaint jobs' world (real services, a Shanghai clock, projects A of company 甲 and
/// B of company 乙) plus A2, a second project of 甲: people of every role, repair orders called back through the domain's
/// own steps, and the services as each user sees them.</summary>
internal sealed class QualityWorld : IAsyncDisposable
{
    public ComplaintJobWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    public Project A2 { get; private set; } = null!;
    public string HqA { get; private set; } = "";
    public string HqB { get; private set; } = "";
    public string MgrA { get; private set; } = "";
    public string MgrA2 { get; private set; } = "";
    public string DeskA { get; private set; } = "";
    public string TechA { get; private set; } = "";

    private QualityWorld(ComplaintJobWorld w) => W = w;

    /// <summary>The week sampled in most tests: Monday 2026-11-16 to Monday 11-23 (Shanghai); the clock starts on Tue 11-17.</summary>
    public static readonly DateOnly Week = new(2026, 11, 16);

    public static async Task<QualityWorld> CreateAsync(DatabaseProvider provider)
    {
        var w = new QualityWorld(await ComplaintJobWorld.CreateAsync(provider, new DateTime(2026, 11, 17, 9, 0, 0)));
        await using (var db = new AppDbContext(w.W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            w.A2 = new Project { Name = "翠湖二期", Code = "A2", CompanyId = w.A.CompanyId };
            db.Projects.Add(w.A2);
            await db.SaveChangesAsync();
        }
        w.HqA = await w.W.AddUserAsync(w.A, Roles.HqAuditor, "hqa", "总部 周敏");
        w.HqB = await w.W.AddUserAsync(w.B, Roles.HqAuditor, "hqb", "乙总部 钱多");
        w.MgrA = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgra", "经理老周");
        w.MgrA2 = await w.W.AddUserAsync(w.A2, Roles.ProjectManager, "mgra2", "二期经理");
        w.DeskA = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "deska", "客服小李");
        w.TechA = await w.W.AddUserAsync(w.A, Roles.Technician, "techa", "电工老王");
        return w;
    }

    public IServiceProvider As(string role, Project p, string userId, string name = "测试") => W.As(role, p, userId, name);
    public HqAuditService Hq(string? userId = null, Project? p = null) => As(Roles.HqAuditor, p ?? A, userId ?? HqA, "总部 周敏").GetRequiredService<HqAuditService>();
    public HqAuditService HqOfB() => As(Roles.HqAuditor, B, HqB, "乙总部 钱多").GetRequiredService<HqAuditService>();
    public RectificationService Manager(Project? p = null, string? userId = null) =>
        As(Roles.ProjectManager, p ?? A, userId ?? (p == A2 ? MgrA2 : MgrA), "经理老周").GetRequiredService<RectificationService>();
    public CallbackSampleJob SampleJob(Project? p = null) => As(Roles.ProjectManager, p ?? A, "system", "系统任务").GetRequiredService<CallbackSampleJob>();
    public NoticeEscalationJob EscalationJob(Project? p = null) => As(Roles.ProjectManager, p ?? A, "system", "系统任务").GetRequiredService<NoticeEscalationJob>();
    public AppDbContext Db(Project p) => W.Db(p);

    /// <summary>A repair order of project <paramref name="p"/> completed and called back at the given Shanghai time, with
    /// the answer's satisfaction; returns the order's id.</summary>
    public async Task<int> RepairCalledBackAsync(Project p, DateTime localCalledAt, Satisfaction sat, int unitNo = 1, string? phone = "13900001111", bool escalated = false)
    {
        W.SetLocal(localCalledAt.AddHours(-3));
        var unitId = await W.UnitAsync(p, $"{unitNo:000}{Guid.NewGuid().ToString()[..4]}");
        await using var db = Db(p);
        var now = W.NowUtc;
        var count = await db.RepairOrders.CountAsync();
        var o = RepairOrder.Register($"BX-{localCalledAt:yyyyMMdd}-{count + 1:0000}",
            new RepairIntake(unitId, null, "水电", "厨房水龙头漏水", RepairUrgency.Normal, RepairChannel.Phone, ContactName: "王先生", ContactPhone: phone),
            null, now, now.AddHours(24), DeskA, "客服小李");
        // 超时升级 as the repair job would mark it (the order was open past its deadline).
        if (escalated) Assert.True(o.Escalate(now.AddHours(25)));
        o.Dispatch(TechA, "电工老王", now);
        o.Accept(TechA);
        o.Arrive(TechA, now.AddMinutes(30));
        o.Complete(TechA, now.AddHours(1), "更换阀芯", null, FeeKind.Free, null);
        db.RepairOrders.Add(o);
        await db.SaveChangesAsync();
        var cb = Callback.For(o, DateOnly.FromDateTime(localCalledAt));
        db.Callbacks.Add(cb);
        await db.SaveChangesAsync();
        W.SetLocal(localCalledAt);
        cb.RecordAnswer(new CallbackAnswer("王先生", ServiceAttitude.Good, true, true, sat, sat.NeedsRework() ? "还在漏" : "满意"), CallbackChannel.Phone, DeskA, "客服小李", W.NowUtc);
        await db.SaveChangesAsync();
        return o.Id;
    }

    /// <summary>A complaint of A handled and called back (closing it when satisfied) at the given Shanghai time.</summary>
    public async Task<int> ComplaintCalledBackAsync(DateTime localCalledAt, Satisfaction sat)
    {
        W.SetLocal(localCalledAt.AddHours(-5));
        var id = await W.RegisterAsync(A, ComplaintJobWorld.Intake(), DeskA);
        await W.ClassifyAsync(A, id, "工程部", TechA, "电工老王");
        await W.PlanAsync(A, id);
        await W.HandleAsync(A, id);
        W.SetLocal(localCalledAt);
        await W.CallbackAsync(A, id, sat, opinion: sat <= Satisfaction.Dissatisfied ? "还是没修好" : null);
        return id;
    }

    /// <summary>Sets the clock to Monday 11-23 06:00 (Shanghai), when the weekly job runs.</summary>
    public void MondayMorning() => W.SetLocal(new DateTime(2026, 11, 23, 6, 0, 0));

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
