using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Part C's test world: the repair tests' world (real services, a hand-moved clock from Monday 2026-11-23 10:00
/// Shanghai, projects A and B of two companies) with renovations under way made through the domain's own steps (file,
/// desk check, review, deposit and fee collected, permit), and the works services as desk, manager, owner and job.</summary>
internal sealed class WorksWorld : IAsyncDisposable
{
    public RepairWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    private int _seq;
    private WorksWorld(RepairWorld w) => W = w;

    public static async Task<WorksWorld> CreateAsync(DatabaseProvider provider) => new(await RepairWorld.CreateAsync(provider));

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(W.Clock.Now.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

    public RenovationPatrolService Patrols(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<RenovationPatrolService>();
    public RenovationViolationService Violations(Project p, string role = Roles.ServiceDesk) =>
        W.As(role, p, role == Roles.ProjectManager ? "u-mgr" : "u-desk", role == Roles.ProjectManager ? "经理老周" : "客服小李").GetRequiredService<RenovationViolationService>();
    public RenovationAcceptanceService Acceptance(Project p) => W.As(Roles.ServiceDesk, p, "u-desk", "客服小李").GetRequiredService<RenovationAcceptanceService>();
    public RenovationWorksService Works(Project p, string role = Roles.ServiceDesk) => W.As(role, p, "u-read", "看记录").GetRequiredService<RenovationWorksService>();
    public RenovationWorksPortalService Portal(Project p, int ownerId) => W.As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<RenovationWorksPortalService>();
    public RenovationPatrolDueJob DueJob(Project p) => W.As(Roles.ProjectManager, p, "u-job", "job").GetRequiredService<RenovationPatrolDueJob>();
    public RenovationViolationEscalationJob EscalationJob(Project p) => W.As(Roles.ProjectManager, p, "u-job", "job").GetRequiredService<RenovationViolationEscalationJob>();
    public RenovationAcceptanceRefundReminder Reminder(Project p) => W.As(Roles.ProjectManager, p, "u-job", "job").GetRequiredService<RenovationAcceptanceRefundReminder>();
    public AttachmentService Files(Project p, string role, int? ownerId = null) =>
        W.As(role, p, ownerId == null ? "u-files" : $"u-owner-{ownerId}", "看文件", ownerId).GetRequiredService<AttachmentService>();

    /// <summary>A unit (已入住) with an owner and a renovation under way on it (施工中), permit issued now.</summary>
    public async Task<(int AppId, int UnitId, int OwnerId)> WorkingAsync(Project p, string room, string owner = "张伟", string phone = "13800138000")
    {
        var (unitId, ownerId) = await W.AddUnitAsync(p, room, owner, phone);
        var settings = RenovationSettings.Defaults(p.Id);
        var now = W.Clock.Now.UtcDateTime;
        var n = ++_seq;
        await using var db = W.Db(p);
        var app = RenovationApplication.File(unitId, ownerId, new ApplicationDetails("好家装饰有限公司", "91310000MA1FL0001X", "王师傅", "13900139000",
            ["墙面涂刷/贴砖", "水电改造"], Today, Today.AddDays(60), null), settings, false, "u-desk", now, Today);
        app.Number = $"ZX-{Today:yyyyMMdd}-{n:0000}";
        db.RenovationApplications.Add(app);
        await db.SaveChangesAsync();
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        app.DeskCheck(true, null, "u-desk", now);
        app.Review(ReviewDecision.Approved, null, settings, unit.Area, "u-mgr", now);
        var entries = new List<DepositLedgerEntry> { DepositLedgerEntry.Collect(app.Id, LedgerAccount.Deposit, null, app.DepositDue, PaymentMethod.Cash, $"SJ-{n}-1", "u-desk", "客服小李", now) };
        entries.AddRange(app.FeesDue.Select((f, i) => DepositLedgerEntry.Collect(app.Id, LedgerAccount.Fee, f.Name, f.Amount, PaymentMethod.Cash, $"SJ-{n}-{i + 2}", "u-desk", "客服小李", now)));
        db.DepositLedger.AddRange(entries);
        app.IssuePermit($"XK-{n:0000}", DepositLedger.Balance(entries), DepositLedger.FeesPaid(entries), 1, unit, "u-desk", now);
        await db.SaveChangesAsync();
        return (app.Id, unitId, ownerId);
    }

    public static Dictionary<string, (CheckResult Result, string? Note)> Answers(IReadOnlyList<string> items, params (string Item, string Note)[] failed)
    {
        var a = items.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));
        foreach (var (item, note) in failed) a[item] = (CheckResult.Failed, note);
        return a;
    }

    public static Dictionary<string, (CheckResult Result, string? Note)> PatrolAnswers(params (string Item, string Note)[] failed) => Answers(PatrolChecklist.Items, failed);
    public static Dictionary<string, (CheckResult Result, string? Note)> AcceptanceAnswers(params (string Item, string Note)[] failed) => Answers(AcceptanceChecklist.Items, failed);

    public static PhotoUpload Photo(string name = "现场.png") => new(name, RepairWorld.Png);

    public async Task<RenovationApplication> AppAsync(Project p, int id)
    {
        await using var db = W.Db(p);
        return await db.RenovationApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<RenovationViolation> ViolationAsync(Project p, int id)
    {
        await using var db = W.Db(p);
        return await db.RenovationViolations.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    public async Task<UnitState> UnitStateAsync(Project p, int unitId)
    {
        await using var db = W.Db(p);
        return await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.State).SingleAsync();
    }

    public async Task<List<OutboxMessage>> MessagesAsync(Project p, string subject)
    {
        await using var db = W.Db(p);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Subject == subject).OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<(int Patrols, int Violations, int Acceptances, int Files, int Messages)> CountsAsync(Project p)
    {
        await using var db = W.Db(p);
        return (await db.RenovationPatrols.CountAsync(), await db.RenovationViolations.CountAsync(), await db.RenovationAcceptances.CountAsync(),
            await db.Attachments.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
