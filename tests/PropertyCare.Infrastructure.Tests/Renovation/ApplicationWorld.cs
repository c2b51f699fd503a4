using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.VacantUnits;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>The repair tests' world (real services, clock at Monday 2026-11-23 10:00 Shanghai, projects A and B of two
/// companies) with the renovation application services and helpers: a delivered unit with its owner, a good form,
/// an application brought to a status, deposit and fees collected as ledger entries.</summary>
internal sealed class ApplicationWorld : IAsyncDisposable
{
    public VacantWorld V { get; }
    public RepairWorld W => V.W;
    public Project A => W.A;
    public Project B => W.B;
    public static readonly DateOnly Today = new(2026, 11, 23);
    private ApplicationWorld(VacantWorld v) => V = v;

    public static async Task<ApplicationWorld> CreateAsync(DatabaseProvider provider) => new(await VacantWorld.CreateAsync(provider));

    public RenovationApplicationService Desk(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<RenovationApplicationService>();
    public RenovationApplicationService Manager(Project p, string userId = "u-mgr") => W.As(Roles.ProjectManager, p, userId, "经理老周").GetRequiredService<RenovationApplicationService>();
    public RenovationApplicationService As(string role, Project p) => W.As(role, p, "u-other", "别人").GetRequiredService<RenovationApplicationService>();
    public RenovationSettingsService Settings(Project p, string role = Roles.ProjectManager) => W.As(role, p, "u-mgr", "经理老周").GetRequiredService<RenovationSettingsService>();
    public PortalRenovationService Portal(Project p, int ownerId) => W.As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalRenovationService>();
    public AttachmentService Files(Project p, string role, int? ownerId = null) => V.Files(p, role, ownerId);

    public static ApplicationDetails Form(params string[] scope) => new("鑫家装饰工程有限公司", "91330100MA2B3C4D5E", "王建国", "13912345678",
        scope.Length == 0 ? ["墙面涂刷/贴砖", "水电改造"] : scope, Today.AddDays(3), Today.AddDays(62), null);

    public Task<(int UnitId, int OwnerId)> UnitAsync(Project p, string room, UnitState state = UnitState.Vacant, string owner = "张伟", string phone = "13800138000") =>
        V.VacantUnitAsync(p, room, owner, phone, state);

    public async Task<RenovationApplication> AppAsync(Project p, int id)
    {
        await using var db = W.Db(p);
        return await db.RenovationApplications.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task<int> VersionAsync(Project p, int id) => (await AppAsync(p, id)).Version;

    public async Task<UnitState> UnitStateAsync(Project p, int unitId)
    {
        await using var db = W.Db(p);
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.State).SingleAsync();
    }

    public async Task<int> FiledAsync(Project p, int unitId, int ownerId) => (await Desk(p).FileAsync(unitId, ownerId, Form(), [])).Id;

    public async Task<int> UnderReviewAsync(Project p, int unitId, int ownerId)
    {
        var id = await FiledAsync(p, unitId, ownerId);
        await Desk(p).DeskCheckAsync(id, await VersionAsync(p, id), true, null);
        return id;
    }

    public async Task<int> ApprovedAsync(Project p, int unitId, int ownerId)
    {
        var id = await UnderReviewAsync(p, unitId, ownerId);
        await Manager(p).ReviewAsync(id, await VersionAsync(p, id), ReviewDecision.Approved, null);
        return id;
    }

    /// <summary>Collects the deposit and every fee due as ledger entries (receipts SJ-…), as the money part's desk would.</summary>
    public async Task CollectAsync(Project p, int id, decimal? deposit = null, bool fees = true)
    {
        var a = await AppAsync(p, id);
        await using var db = W.Db(p);
        var n = await db.DepositLedger.CountAsync();
        db.DepositLedger.Add(DepositLedgerEntry.Collect(id, LedgerAccount.Deposit, null, deposit ?? a.DepositDue, PaymentMethod.WeChatPay, $"SJ-{id}-{n + 1}", "u-desk", "客服小李", DateTime.UtcNow));
        if (fees)
            foreach (var f in a.FeesDue)
                db.DepositLedger.Add(DepositLedgerEntry.Collect(id, LedgerAccount.Fee, f.Name, f.Amount, PaymentMethod.Cash, $"SJ-{id}-{n + 2}-{f.Name.Length}", "u-desk", "客服小李", DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    public async Task<int> WorkingAsync(Project p, int unitId, int ownerId)
    {
        var id = await ApprovedAsync(p, unitId, ownerId);
        await CollectAsync(p, id);
        await Desk(p).RegisterWorkerAsync(id, "李师傅", "11010519491231002X", "13700001111", "电工");
        await Desk(p).IssuePermitAsync(id, await VersionAsync(p, id));
        return id;
    }

    public async Task<List<string>> OutboxAsync(Project p)
    {
        await using var db = W.Db(p);
        return (await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Channel, m.Subject }).ToListAsync()).Select(m => $"{m.Channel}:{m.Subject}").ToList();
    }

    public ValueTask DisposeAsync() => V.DisposeAsync();
}
