using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>装修 in the first demo estate (翠湖花园): an application in every status on delivered units, with the unit
/// states they imply. They are written through the domain's steps with past dates (the services only act "now"): filed
/// weeks ago, approved, deposit and fees collected as ledger entries with receipts, workers, permit, one stopped, one
/// accepted long enough ago that its observation period is over (its refund is the money part's demo). The demo owner's
/// own application is approved and waiting for the deposit, so the portal shows what to do next.
/// (已结案 needs an approved refund, which the money part's demo makes from the accepted one.)</summary>
internal static class DemoRenovation
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly (string Company, string Licence, string Person, string Phone)[] Contractors =
    [
        ("成都鑫家装饰工程有限公司", "91510100MA6C1X2Y3Z", "王建国", "13912345678"),
        ("四川匠心家居装饰有限公司", "91510104MA62AB34CD", "刘志强", "13880012345"),
        ("成都美居装饰设计有限公司", "91510107MA61XY89QW", "陈海", "18628076543"),
    ];

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var staff = await users.FindByNameAsync("staff");
        var manager = await users.FindByNameAsync("manager");
        var owner = await users.FindByNameAsync("owner");
        if (staff == null || manager == null || owner?.OwnerId is not { } demoOwner) return;
        var time = services.GetRequiredService<TimeProvider>();
        var clock = Repairs.ProjectClock.For(time, project);
        var today = clock.Today;
        var r = new Random(20261126);

        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        if (await db.RenovationApplications.AnyAsync(ct)) return;
        var settings = RenovationSettings.Defaults(project.Id);

        // Occupied and 装修中-delivered units with their primary owner, away from the units the vacant and move-in demos use.
        var ownersUnit = await db.UnitOwnerships.Where(o => o.OwnerId == demoOwner).OrderByDescending(o => o.IsPrimary).Select(o => o.UnitId).FirstAsync(ct);
        var candidates = await db.UnitOwnerships.Where(o => o.IsPrimary && o.UnitId != ownersUnit
                && (o.Unit!.State == UnitState.Occupied || o.Unit.State == UnitState.Renovating))
            .OrderByDescending(o => o.UnitId).Select(o => new { o.UnitId, o.OwnerId, o.Unit!.State }).Take(40).ToListAsync(ct);
        var occupied = candidates.Where(c => c.State == UnitState.Occupied).Select(c => (c.UnitId, c.OwnerId)).ToList();
        var renovating = candidates.Where(c => c.State == UnitState.Renovating).Select(c => (c.UnitId, c.OwnerId)).ToList();
        if (occupied.Count < 11) return;
        var queue = new Queue<(int UnitId, int OwnerId)>(occupied);
        var seq = 0;
        var receipt = 0;

        RenovationApplication Filed(int daysAgo, (int UnitId, int OwnerId) u, string[] scope, int length, bool byOwner = false)
        {
            var day = today.AddDays(-daysAgo);
            var c = Contractors[seq % Contractors.Length];
            var a = RenovationApplication.File(u.UnitId, u.OwnerId, new ApplicationDetails(c.Company, c.Licence, c.Person, c.Phone, scope, day.AddDays(2), day.AddDays(2 + length), null),
                settings, byOwner, byOwner ? owner.Id : staff.Id, clock.ToUtc(day.ToDateTime(new TimeOnly(10, 0))), day);
            a.Number = RenovationFiling.Number(day, ++seq);
            db.RenovationApplications.Add(a);
            return a;
        }
        DateTime At(int daysAgo, int hour = 10) => clock.ToUtc(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)));
        async Task<Unit> UnitAsync(int id) => await db.Units.FirstAsync(x => x.Id == id, ct);
        string Id18() => DemoNames.ResidentId(r);

        void Approve(RenovationApplication a, int daysAgo, decimal area, string? conditions = null)
        {
            a.DeskCheck(true, null, staff.DisplayName, At(daysAgo, 9));
            a.Review(conditions == null ? ReviewDecision.Approved : ReviewDecision.ApprovedWithConditions, conditions, settings, area, manager.DisplayName, At(daysAgo, 15));
        }
        void Collect(RenovationApplication a, int daysAgo)
        {
            var day = today.AddDays(-daysAgo);
            db.DepositLedger.Add(DepositLedgerEntry.Collect(a.Id, LedgerAccount.Deposit, null, a.DepositDue, PaymentMethod.WeChatPay,
                $"SJ-{day:yyyyMMdd}-{++receipt:0000}", staff.Id, staff.DisplayName, At(daysAgo, 11)));
            foreach (var f in a.FeesDue)
                db.DepositLedger.Add(DepositLedgerEntry.Collect(a.Id, LedgerAccount.Fee, f.Name, f.Amount, PaymentMethod.Cash,
                    $"SJ-{day:yyyyMMdd}-{++receipt:0000}", staff.Id, staff.DisplayName, At(daysAgo, 11)));
        }
        async Task WorkingAsync(RenovationApplication a, int approvedDaysAgo, int permitDaysAgo, params string[] workers)
        {
            var unit = await UnitAsync(a.UnitId);
            Approve(a, approvedDaysAgo, unit.Area, approvedDaysAgo % 2 == 0 ? "水电改造完成后须经工程部隐蔽工程验收方可封闭" : null);
            await db.SaveChangesAsync(ct);
            Collect(a, permitDaysAgo);
            foreach (var w in workers) db.RenovationWorkers.Add(RenovationWorker.Register(a.Id, w, Id18(), DemoNames.Mobile(r), w.EndsWith("电工") ? "电工" : "泥瓦工"));
            await db.SaveChangesAsync(ct);
            a.IssuePermit(RenovationFiling.PermitNumber(a.Number), a.DepositDue, a.FeesDue.Select(f => f.Name).ToList(), workers.Length, unit, staff.DisplayName, At(permitDaysAgo, 14));
        }

        string[] full = ["墙面涂刷/贴砖", "地面铺装", "吊顶", "水电改造", "厨卫防水", "木作/橱柜安装"];
        string[] light = ["墙面涂刷/贴砖", "木作/橱柜安装"];

        // 待受理 (filed this morning), 退回补充, 待审核.
        Filed(0, queue.Dequeue(), light, 30);
        var returned = Filed(3, queue.Dequeue(), ["拆除非承重墙", "墙面涂刷/贴砖"], 45);
        await db.SaveChangesAsync(ct);
        db.Attachments.Add(Attachment.Of(AttachmentKind.RenovationDocument, returned.Id, new PhotoUpload("平面图.png", Png), staff.DisplayName, At(3)));
        returned.DeskCheck(false, "拆墙需附原结构图及工程部确认的拆改图纸", staff.DisplayName, At(2));
        Filed(2, queue.Dequeue(), full, 60).DeskCheck(true, null, staff.DisplayName, At(1));
        await db.SaveChangesAsync(ct);

        // 已批准待办证: the demo owner's own flat (the portal shows the deposit to pay).
        var mine = Filed(4, (ownersUnit, demoOwner), ["墙面涂刷/贴砖", "地面铺装", "空调安装"], 40, byOwner: true);
        await db.SaveChangesAsync(ct);
        Approve(mine, 2, (await UnitAsync(ownersUnit)).Area, "空调外机须安装在预留机位");

        // 施工中 ×2 — one on a unit delivered as 装修中 (so it goes back to 空置 after), one overdue for the red mark.
        var working = Filed(30, renovating.Count > 0 ? renovating[0] : queue.Dequeue(), full, 75);
        var overdue = Filed(70, queue.Dequeue(), full, 60);
        await db.SaveChangesAsync(ct);
        await WorkingAsync(working, 27, 25, "赵大勇", "孙小明电工");
        await WorkingAsync(overdue, 66, 64, "周建华", "吴刚电工", "郑强");

        // 停工: a stop-work order with its reason (the works part links its violation).
        var stopped = Filed(40, queue.Dequeue(), ["拆除非承重墙", "墙面涂刷/贴砖", "地面铺装"], 60);
        await db.SaveChangesAsync(ct);
        await WorkingAsync(stopped, 37, 35, "冯志远");
        stopped.Stop("擅自拆改阳台墙体，责令停工整改", null, At(3, 16));

        // 验收通过 120 days ago: the 90-day observation period is over, the deposit waits for its refund.
        var accepted = Filed(200, queue.Dequeue(), full, 60);
        await db.SaveChangesAsync(ct);
        await WorkingAsync(accepted, 196, 194, "钱大伟", "何明电工");
        accepted.Accept(today.AddDays(-120), settings, await UnitAsync(accepted.UnitId));

        // 验收通过 200 days ago: the money demo refunds it (approved by another person), so it ends 已结案.
        var settled = Filed(330, queue.Dequeue(), light, 45);
        await db.SaveChangesAsync(ct);
        await WorkingAsync(settled, 326, 324, "陈国庆");
        settled.Accept(today.AddDays(-200), settings, await UnitAsync(settled.UnitId));

        // 已撤回 and 已驳回.
        var withdrawn = Filed(15, queue.Dequeue(), light, 20);
        withdrawn.Withdraw("房屋计划出售，暂不装修");
        var rejected = Filed(20, queue.Dequeue(), ["拆除非承重墙", "厨卫防水"], 50);
        rejected.DeskCheck(true, null, staff.DisplayName, At(19));
        rejected.Review(ReviewDecision.Rejected, "拟拆除墙体经核对为剪力墙（承重），不得拆除；请调整方案后重新申请", settings, 0, manager.DisplayName, At(18));
        await db.SaveChangesAsync(ct);
    }
}
