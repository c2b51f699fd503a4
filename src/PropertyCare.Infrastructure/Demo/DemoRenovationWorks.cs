using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>Patrols, violations and acceptance in the first demo estate, on the applications the application demo made
/// (found by status, so this runs after it and before the deposit demo). Every Working/Stopped/Accepted one has patrols
/// every few days since its permit; one Working one had a violation put right and closed; the Stopped one has the open,
/// overdue violation that stopped it; the Accepted one has its passing acceptance record on its acceptance day. Written
/// through the domain with past times (the services only record "now"); the rules are the same.</summary>
internal static class DemoRenovationWorks
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var staff = await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("staff");
        if (staff == null) return;
        var time = services.GetRequiredService<TimeProvider>();
        var clock = ProjectClock.For(time, project);
        var desk = new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(desk);
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var apps = await db.RenovationApplications
            .Where(a => a.Status == RenovationStatus.Working || a.Status == RenovationStatus.Stopped || a.Status == RenovationStatus.Accepted)
            .OrderBy(a => a.Id).ToListAsync(ct);
        if (apps.Count == 0 || await db.RenovationPatrols.AnyAsync(ct)) return;
        var today = clock.Today;
        var passed = PatrolChecklist.Items.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));

        // Patrols every three days from the permit, at 10:00, up to yesterday (or the acceptance day).
        var patrols = new Dictionary<int, List<RenovationPatrol>>();
        foreach (var app in apps)
        {
            var list = patrols[app.Id] = [];
            var from = DateOnly.FromDateTime(clock.ToLocal(app.PermitIssuedAt ?? clock.UtcNow));
            var until = app.AcceptedOn ?? today.AddDays(-1);
            for (var day = from.AddDays(1); day <= until; day = day.AddDays(3))
            {
                var at = clock.ToUtc(day.ToDateTime(new TimeOnly(10, 0)));
                if (at < app.PermitIssuedAt) continue;
                list.Add(RenovationPatrol.RecordEarlier(app, passed, null, staff.Id, staff.DisplayName, at, day));
            }
            db.RenovationPatrols.AddRange(list);
        }
        await db.SaveChangesAsync(ct);

        // A Working one: noise at lunchtime, put right and closed on re-check.
        if (apps.FirstOrDefault(a => a.Status == RenovationStatus.Working && patrols[a.Id].Count > 0) is { } working)
        {
            var p = patrols[working.Id][0];
            var on = DateOnly.FromDateTime(clock.ToLocal(p.PatrolledAt));
            var v = RenovationViolation.Record(working, p.Id, "噪音", "12:30 午休时段使用电锤凿墙，邻居投诉", on.AddDays(1), on, staff.DisplayName, p.PatrolledAt);
            db.RenovationViolations.Add(v);
            await db.SaveChangesAsync(ct);
            v.MarkRectified(p.PatrolledAt.AddHours(20));
            v.Recheck(true, "施工队已调整作业时间，复查无噪音施工", null, on.AddDays(1), staff.DisplayName, p.PatrolledAt.AddDays(1));
            db.Attachments.Add(Attachment.Of(AttachmentKind.RenovationViolationPhoto, v.Id, new PhotoUpload("午休施工.png", Png), staff.DisplayName, p.PatrolledAt));
        }

        // The Stopped one: common areas left unprotected, the deadline passed — the cause of its stop-work order.
        if (apps.FirstOrDefault(a => a.Status == RenovationStatus.Stopped) is { } stopped)
        {
            var stoppedAt = stopped.StoppedAt ?? clock.UtcNow;
            // The patrol that found it came at least two days before the stop, so its one-day deadline had passed.
            var p = patrols[stopped.Id].LastOrDefault(x => x.PatrolledAt <= stoppedAt.AddDays(-2));
            var foundAt = p?.PatrolledAt ?? stoppedAt.AddDays(-3);
            var on = DateOnly.FromDateTime(clock.ToLocal(foundAt));
            var v = RenovationViolation.Record(stopped, p?.Id, "公共区域保护", "电梯轿厢及楼道未做成品保护，墙面有划痕、地面堆放砂浆", on.AddDays(1), on, staff.DisplayName, foundAt);
            db.RenovationViolations.Add(v);
            await db.SaveChangesAsync(ct);
            db.Attachments.Add(Attachment.Of(AttachmentKind.RenovationViolationPhoto, v.Id, new PhotoUpload("楼道堆放砂浆.png", Png), staff.DisplayName, foundAt));
            // Link the stop to its cause (the application demo stopped it without one): the same stop, now with its violation.
            var reason = stopped.StopReason ?? "违章未在期限内整改";
            stopped.Resume();
            stopped.Stop(reason, v.Id, stoppedAt);
            v.Escalate(today, stoppedAt);
        }

        // The Accepted one: its passing acceptance, on its acceptance day at 15:00.
        foreach (var accepted in apps.Where(a => a.Status == RenovationStatus.Accepted && a.AcceptedOn != null))
        {
            var day = accepted.AcceptedOn!.Value;
            db.RenovationAcceptances.Add(RenovationAcceptance.OfEarlierPass(accepted, staff.Id, staff.DisplayName, clock.ToUtc(day.ToDateTime(new TimeOnly(15, 0))), day));
        }
        await db.SaveChangesAsync(ct);
    }
}
