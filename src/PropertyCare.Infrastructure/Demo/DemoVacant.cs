using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;
using PropertyCare.Infrastructure.VacantUnits;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>空置房 in the first demo estate, made through the real services: the demo owner's unit is vacant (so the
/// owner sees its inspection in the portal), this cycle's tasks go to the desk, one inspection found a leak (→ a repair
/// order) and one found nothing, and the centre holds two sets of keys — one out on loan and overdue, one out on time.</summary>
internal static class DemoVacant
{
    /// <summary>A real 1×1 PNG (a scan or photo stand-in the file store accepts and the browser shows).</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var staff = await users.FindByNameAsync("staff");
        var owner = await users.FindByNameAsync("owner");
        if (staff == null || owner?.OwnerId is not { } ownerId) return;
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var time = services.GetRequiredService<TimeProvider>();
        var desk = new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null);

        int ownersUnit;
        List<(int UnitId, int OwnerId)> others;
        using (var scope = Enter(services, project, desk))
        {
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            ownersUnit = await db.UnitOwnerships.Where(o => o.OwnerId == ownerId).OrderByDescending(o => o.IsPrimary).Select(o => o.UnitId).FirstAsync(ct);
            // The demo owner's flat stands empty (bought, not yet moved in): the portal then has an inspection to show.
            (await db.Units.FirstAsync(u => u.Id == ownersUnit, ct)).State = UnitState.Vacant;
            await db.SaveChangesAsync(ct);
            others = (await db.UnitOwnerships.Where(o => o.IsPrimary && o.UnitId != ownersUnit && o.Unit!.State == UnitState.Vacant)
                .OrderBy(o => o.UnitId).Select(o => new { o.UnitId, o.OwnerId }).Take(3).ToListAsync(ct))
                .Select(o => (o.UnitId, o.OwnerId)).ToList(); // a tuple in the query is a PostgreSQL record Npgsql will not read
        }
        if (others.Count < 2) return;

        using (var scope = Enter(services, project, desk))
        {
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<VacantCycleJob>().RunAsync(ct);
            var vacant = sp.GetRequiredService<VacantUnitService>();
            var answers = VacantUnitInspection.Checklist.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));
            answers["无渗漏水"] = (CheckResult.Failed, "卫生间吊顶有水渍，疑似楼上渗漏");
            await vacant.InspectAsync(ownersUnit, null, answers, new MeterReadings(35.2m, 128.6m, 12.0m), [new PhotoUpload("卫生间吊顶.png", Png)], ct);
            await vacant.InspectAsync(others[0].UnitId, null, VacantUnitInspection.Checklist.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null)),
                new MeterReadings(10.5m, 56.0m, null), [], ct);

            var keys = sp.GetRequiredService<KeyCustodyService>();
            var today = DateOnly.FromDateTime(Repairs.ProjectClock.For(time, project).LocalNow);
            var overdue = await keys.AcceptAsync(others[0].UnitId, others[0].OwnerId, today.AddDays(-20), "入户门钥匙 2 把", new PhotoUpload("钥匙托管委托书.png", Png), ct);
            var onTime = await keys.AcceptAsync(others[1].UnitId, others[1].OwnerId, today.AddDays(-10), "入户门钥匙 1 把、信箱钥匙 1 把", new PhotoUpload("钥匙托管委托书.png", Png), ct);
            await keys.LendAsync(onTime, 0, "中介 刘先生", "带客户看房", Repairs.ProjectClock.For(time, project).LocalNow.AddDays(2), ct);

            // A loan that started three days ago and was due back yesterday: the service only lends from now, so this one
            // is written through the domain with the past times (the rule is the same; only "now" is then).
            await using var db = sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            var k = await db.KeyCustodies.FirstAsync(x => x.Id == overdue, ct);
            var now = time.GetUtcNow().UtcDateTime;
            k.Lend("装修公司 赵师傅", "检查卫生间防水", now.AddDays(-3), now.AddDays(-1), staff.DisplayName);
            await db.SaveChangesAsync(ct);
        }
    }

    private static IServiceScope Enter(IServiceProvider services, Project project, UserIdentity user)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(user);
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        return scope;
    }
}
