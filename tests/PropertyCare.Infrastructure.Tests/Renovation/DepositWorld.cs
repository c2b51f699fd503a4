using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The repair tests' world (real services, fresh database, clock at Monday 2026-11-23 10:00 Shanghai, projects A
/// and B of two companies) with renovation applications made by the domain's own steps (File → DeskCheck → Review →
/// IssuePermit → Accept), the deposit services as the desk, a manager and a second manager, and violations.</summary>
internal sealed class DepositWorld : IAsyncDisposable
{
    public RepairWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    public static readonly DateOnly Today = new(2026, 11, 23);
    private DepositWorld(RepairWorld w) => W = w;

    public static async Task<DepositWorld> CreateAsync(DatabaseProvider provider) => new(await RepairWorld.CreateAsync(provider));

    public DepositService Desk(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<DepositService>();
    public DepositService Manager(Project p, string userId = "u-mgr") => W.As(Roles.ProjectManager, p, userId, "经理老周").GetRequiredService<DepositService>();
    public DepositRefundService DeskRefunds(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<DepositRefundService>();
    public DepositRefundService ManagerRefunds(Project p, string userId = "u-mgr") => W.As(Roles.ProjectManager, p, userId, "经理老周").GetRequiredService<DepositRefundService>();
    public DepositReportService Report(Project p, string role = Roles.ProjectManager) => W.As(role, p, "u-mgr", "经理老周").GetRequiredService<DepositReportService>();
    public HqDepositQueries Hq(Project p) => W.As(Roles.HqAuditor, p, "u-hq", "总部").GetRequiredService<HqDepositQueries>();

    public static RenovationSettings Settings(int projectId) => RenovationSettings.Defaults(projectId);

    /// <summary>An application filed for a new unit of the project and brought to <paramref name="to"/> by the domain's
    /// steps; from Working on, the deposit (¥3,000) and the fee (装修垃圾清运费 ¥268.50 for 89.5 ㎡) are collected through the
    /// service as the desk. Accepted ones were accepted on <paramref name="acceptedOn"/> (default: 100 days ago, so the
    /// 90-day observation is over). <paramref name="settings"/> replaces the project's defaults (the fees due are fixed at
    /// review from them).</summary>
    public async Task<int> ApplicationAsync(Project p, string room, RenovationStatus to, DateOnly? acceptedOn = null, RenovationSettings? settings = null)
    {
        var (unitId, ownerId) = await W.AddUnitAsync(p, room, "张伟", "13800138000");
        settings ??= Settings(p.Id);
        int id;
        await using (var db = W.Db(p))
        {
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            unit.State = UnitState.Vacant;
            var d = new ApplicationDetails("好家装饰", "91310000MA1K", "王工", "13900001111", ["墙面涂刷/贴砖"], Today, Today.AddDays(30), null);
            var app = RenovationApplication.File(unitId, ownerId, d, settings, false, "u-desk", W.Clock.Now.UtcDateTime, Today);
            app.Number = $"ZX-20261123-{room}";
            db.RenovationApplications.Add(app);
            if (to is RenovationStatus.Submitted) { await db.SaveChangesAsync(); return app.Id; }
            app.DeskCheck(true, null, "u-desk", W.Clock.Now.UtcDateTime);
            app.Review(to == RenovationStatus.Rejected ? ReviewDecision.Rejected : ReviewDecision.Approved, to == RenovationStatus.Rejected ? "不符合规定" : null,
                settings, unit.Area, "u-mgr", W.Clock.Now.UtcDateTime);
            await db.SaveChangesAsync();
            id = app.Id;
            if (to is RenovationStatus.Approved or RenovationStatus.Rejected) return id;
        }
        await Desk(p).CollectAsync(id, LedgerAccount.Deposit, null, 3000m, PaymentMethod.WeChatPay, null);
        if (to == RenovationStatus.Withdrawn)
        {
            await using var db = W.Db(p);
            (await db.RenovationApplications.SingleAsync(a => a.Id == id)).Withdraw("业主暂缓装修");
            await db.SaveChangesAsync();
            return id;
        }
        await Desk(p).CollectAsync(id, LedgerAccount.Fee, "装修垃圾清运费", 268.5m, PaymentMethod.Cash, null);
        await using (var db = W.Db(p))
        {
            var app = await db.RenovationApplications.SingleAsync(a => a.Id == id);
            var unit = await db.Units.SingleAsync(u => u.Id == app.UnitId);
            var entries = await db.DepositLedger.Where(e => e.ApplicationId == id).ToListAsync();
            app.IssuePermit($"XK-{room}", DepositLedger.Balance(entries), DepositLedger.FeesPaid(entries), 1, unit, "u-mgr", W.Clock.Now.UtcDateTime);
            if (to == RenovationStatus.Accepted) app.Accept(acceptedOn ?? Today.AddDays(-100), settings, unit);
            await db.SaveChangesAsync();
        }
        return id;
    }

    /// <summary>A violation of the application in the given state, with an optional repair order for damage. Part C owns
    /// the violation's steps; the fields are set directly here so these tests do not depend on them.</summary>
    public async Task<int> ViolationAsync(Project p, int applicationId, ViolationStatus status = ViolationStatus.Open, int? repairOrderId = null)
    {
        await using var db = W.Db(p);
        var v = new RenovationViolation();
        Set(v, nameof(RenovationViolation.ApplicationId), applicationId);
        Set(v, nameof(RenovationViolation.Type), "施工时间");
        Set(v, nameof(RenovationViolation.Description), "午休时间电钻施工");
        Set(v, nameof(RenovationViolation.FoundAt), W.Clock.Now.UtcDateTime);
        Set(v, nameof(RenovationViolation.FoundBy), "客服小李");
        Set(v, nameof(RenovationViolation.RectifyBy), Today.AddDays(3));
        Set(v, nameof(RenovationViolation.Status), status);
        Set(v, nameof(RenovationViolation.RepairOrderId), repairOrderId);
        db.RenovationViolations.Add(v);
        await db.SaveChangesAsync();
        return v.Id;
    }

    public async Task SetViolationStatusAsync(Project p, int violationId, ViolationStatus status)
    {
        await using var db = W.Db(p);
        var v = await db.RenovationViolations.SingleAsync(x => x.Id == violationId);
        Set(v, nameof(RenovationViolation.Status), status);
        await db.SaveChangesAsync();
    }

    private static void Set(object o, string property, object? value) => o.GetType().GetProperty(property)!.SetValue(o, value);

    public async Task<List<DepositLedgerEntry>> EntriesAsync(Project p, int applicationId)
    {
        await using var db = W.Db(p);
        return await db.DepositLedger.AsNoTracking().Where(e => e.ApplicationId == applicationId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<RenovationApplication> AppAsync(Project p, int id)
    {
        await using var db = W.Db(p);
        return await db.RenovationApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public AppDbContext Db(Project p) => W.Db(p);

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
