using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>A few repair requests in the first demo estate, made through the real services (so they have
/// numbers, deadlines, history and callbacks exactly as typed-in ones): some waiting for dispatch, some in
/// progress, some completed and waiting for their callback.</summary>
internal static class DemoRepairs
{
    private static readonly (string Category, string Text, bool Urgent)[] Requests =
    [
        ("水电", "厨房水龙头漏水，关不紧", false),
        ("门窗", "主卧窗户把手松动，无法锁紧", false),
        ("管道疏通", "卫生间地漏堵塞，排水很慢", false),
        ("水电", "客厅插座跳闸，整屋停电", true),
        ("墙面", "次卧墙面起皮脱落", false),
    ];

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var staff = await users.FindByNameAsync("staff");
        var tech = await users.FindByNameAsync("tech");
        if (staff == null || tech == null) return;
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        List<int> units;
        await using (var db = new AppDbContext(options, null))
            units = await db.UnitOwnerships.IgnoreQueryFilters().Where(x => x.ProjectId == project.Id && x.IsPrimary)
                .OrderBy(x => x.UnitId).Select(x => x.UnitId).Skip(10).Take(Requests.Length).ToListAsync(ct);

        var ids = new List<(int Id, int Version)>();
        using (var desk = Enter(services, project, new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null)))
        {
            var repairs = desk.ServiceProvider.GetRequiredService<RepairService>();
            for (var i = 0; i < Requests.Length && i < units.Count; i++)
            {
                var (category, text, urgent) = Requests[i];
                var (id, _) = await repairs.RegisterAsync(new RepairIntake(units[i], null, category, text,
                    urgent ? RepairUrgency.Urgent : RepairUrgency.Normal, i % 2 == 0 ? RepairChannel.Phone : RepairChannel.Visit), [], ct);
                ids.Add((id, 0));
            }
            // Three of them go to the technician.
            for (var i = 0; i < Math.Min(3, ids.Count); i++)
            {
                await repairs.DispatchAsync(ids[i].Id, ids[i].Version, tech.Id, ct);
                ids[i] = (ids[i].Id, ids[i].Version + 1);
            }
        }
        using var work = Enter(services, project, new UserIdentity(tech.Id, tech.DisplayName, project.CompanyId, new HashSet<string> { Roles.Technician }, null));
        var technician = work.ServiceProvider.GetRequiredService<TechnicianService>();
        // Two completed (their callbacks are planned), one accepted and on its way.
        for (var i = 0; i < Math.Min(3, ids.Count); i++)
        {
            var (id, v) = ids[i];
            await technician.AcceptAsync(id, v++, ct);
            if (i == 2) break;
            await technician.ArriveAsync(id, v++, ct);
            await technician.CompleteAsync(id, v, i == 0 ? "更换水龙头阀芯，试水正常" : "紧固窗户把手，更换螺丝", i == 0 ? "阀芯 1 个" : null,
                i == 0 ? FeeKind.Paid : FeeKind.Free, i == 0 ? 35m : null, [], ct);
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
