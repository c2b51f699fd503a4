using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Quality;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>两级回访 in the first demo estate (翠湖花园): repair orders called back by the desk in the week before last and in
/// last week (one unsatisfied in each). The week before last is drawn (through the job's own draw) and HQ has re-called two
/// of it — one 真实, one 不实 whose 整改通知 the manager has answered (waiting for HQ's review); the rest are still to call.
/// Last week is left undrawn on purpose: the weekly job's 立即执行 on 后台任务 draws it (the journey starts there).</summary>
internal static class DemoQuality
{
    private static readonly (string Category, string Text)[] Works =
    [
        ("水电", "阳台水龙头滴水"), ("门窗", "入户门闭门器漏油"), ("管道疏通", "厨房下水慢"), ("水电", "卫生间灯不亮"),
        ("墙面", "客厅墙角渗水发霉"), ("门窗", "纱窗脱轨"), ("水电", "热水器插座松动"), ("管道疏通", "马桶堵塞"),
    ];

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var staff = await users.FindByNameAsync("staff");
        var tech = await users.FindByNameAsync("tech");
        var manager = await users.FindByNameAsync("manager");
        var hq = await users.FindByNameAsync("hq");
        if (staff == null || tech == null || manager == null || hq == null) return;
        var time = services.GetRequiredService<TimeProvider>();
        var clock = ProjectClock.For(time, project);
        var lastWeek = SampleWeek.LastWeekOf(clock.Today);
        var weekBefore = lastWeek.AddDays(-7);

        using (var scope = Enter(services, project, staff.Id, staff.DisplayName, Roles.ServiceDesk))
        {
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            if (await db.CallbackSamples.AnyAsync(ct)) return;
            var homes = await db.UnitOwnerships.Where(o => o.IsPrimary).OrderBy(o => o.UnitId).Skip(40)
                .Select(o => new { o.UnitId, o.OwnerId, o.Owner!.Name, o.Owner.Phone }).Take(14).ToListAsync(ct);
            if (homes.Count < 14) return;
            for (var i = 0; i < homes.Count; i++)
            {
                var week = i < 8 ? weekBefore : lastWeek;
                var day = week.AddDays(1 + i % 4); // Tuesday to Friday
                var h = homes[i];
                var (category, text) = Works[i % Works.Length];
                var received = clock.ToUtc(day.ToDateTime(new TimeOnly(9, 0)));
                var o = RepairOrder.Register($"BX-{day:yyyyMMdd}-{80 + i:0000}",
                    new RepairIntake(h.UnitId, null, category, text, RepairUrgency.Normal, RepairChannel.Phone, ContactName: h.Name, ContactPhone: h.Phone),
                    h.OwnerId, received, received.AddHours(24), staff.Id, staff.DisplayName);
                o.Dispatch(tech.Id, tech.DisplayName, received.AddMinutes(10));
                o.Accept(tech.Id);
                o.Arrive(tech.Id, received.AddMinutes(50));
                o.Complete(tech.Id, received.AddHours(2), "已处理完毕并试用正常", null, FeeKind.Free, null);
                db.RepairOrders.Add(o);
                await db.SaveChangesAsync(ct);
                var cb = Callback.For(o, day.AddDays(1));
                db.Callbacks.Add(cb);
                var unhappy = i is 2 or 10;
                cb.RecordAnswer(new CallbackAnswer(h.Name, ServiceAttitude.Good, true, true, unhappy ? Satisfaction.Dissatisfied : Satisfaction.Satisfied,
                    unhappy ? "修完第二天又坏了" : "师傅很快就修好了"), CallbackChannel.Phone, staff.Id, staff.DisplayName, clock.ToUtc(day.AddDays(1).ToDateTime(new TimeOnly(15, 0))));
                await db.SaveChangesAsync(ct);
            }
        }

        // The job's draw of the week before last, as the Monday run would have made it.
        using (var scope = Enter(services, project, "system", "系统任务", Roles.ProjectManager))
            await scope.ServiceProvider.GetRequiredService<CallbackSampleJob>().DrawAsync(weekBefore, ct);

        int? noticeId = null;
        using (var scope = Enter(services, project, hq.Id, hq.DisplayName, Roles.HqAuditor))
        {
            var audits = scope.ServiceProvider.GetRequiredService<HqAuditService>();
            var rows = (await audits.WorklistAsync(new AuditFilter(project.Id, weekBefore), 1, 20, ct)).Items;
            if (rows.Count < 3) return;
            var untrue = rows.First(r => r.Reason == SampleReason.Random);
            var genuine = rows.First(r => r.Id != untrue.Id);
            noticeId = (await audits.RecordAsync(untrue.Id, new AuditAnswer(Authenticity.Untrue, Satisfaction.Neutral, "业主说没有接到过物业的回访电话，维修后仍有少量滴水"),
                null, 0, ct)).NoticeId; // freshly drawn: version 0
            await audits.RecordAsync(genuine.Id, new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), null, 0, ct);
        }

        if (noticeId is { } id)
            using (var scope = Enter(services, project, manager.Id, manager.DisplayName, Roles.ProjectManager))
            {
                var rectification = scope.ServiceProvider.GetRequiredService<RectificationService>();
                var n = (await rectification.NoticeAsync(id, ct)).Notice;
                await rectification.AnswerAsync(id, "已安排客服主管重新上门回访，师傅更换了阀芯；对回访员进行了约谈，回访须如实记录。", n.Version, ct);
            }
    }

    private static IServiceScope Enter(IServiceProvider services, Project project, string userId, string name, string role)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(userId, name, project.CompanyId, new HashSet<string> { role }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return scope;
    }
}
