using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>A delivery batch 交付中 in the first demo estate, made through the real services: ten units not yet
/// delivered (their buyers on file from the developer's list), slots over the next three days, five appointments, and
/// the demo owner's second flat in the batch left unbooked so the portal booking can be shown; a take-over inspection
/// of one building completed with two defects — one closed after the check, one promised by the developer.
/// Deterministic: the same units (lowest ids), names and figures on every fresh database; days count from today.</summary>
internal static class DemoMoveIn
{
    private static readonly (string Name, string Phone, string Id)[] Buyers =
    [
        ("刘子涵", "13980010001", "510104199003150021"), ("陈思远", "13980010002", "510105198811200013"),
        ("杨雨桐", "13980010003", "510106199205080025"), ("黄浩然", "13980010004", "510107198702140037"),
        ("赵欣怡", "13980010005", "510108199412300049"), ("周俊杰", "13980010006", "510104198906060051"),
        ("吴佳琪", "13980010007", "510105199101010063"), ("徐明轩", "13980010008", "510106198510100075"),
        ("孙可馨", "13980010009", "510107199307070087"),
    ];

    public static async Task SeedAsync(IServiceProvider services, Project project, int demoOwnerId, CancellationToken ct)
    {
        var staff = await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("staff");
        if (staff == null) return;
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>()
            .SetUser(new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        var sp = scope.ServiceProvider;
        var today = ProjectClock.For(sp.GetRequiredService<TimeProvider>(), project).Today;

        // Ten units not yet delivered: nine buyers on file now, the tenth is the demo owner's second flat.
        List<int> units;
        await using (var db = sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            var owned = await db.UnitOwnerships.Select(o => o.UnitId).ToListAsync(ct);
            units = await db.Units.Where(u => u.State == UnitState.NotDelivered && !owned.Contains(u.Id)).OrderBy(u => u.Id).Select(u => u.Id).Take(10).ToListAsync(ct);
            if (units.Count < 10) return;
            var owners = Buyers.Select(b => new Owner { Name = b.Name, Phone = b.Phone, IdType = IdDocumentType.ResidentIdCard, IdNumber = b.Id }).ToList();
            db.Owners.AddRange(owners);
            await db.SaveChangesAsync(ct);
            db.UnitOwnerships.AddRange(owners.Select((o, i) => new UnitOwnership { UnitId = units[i], OwnerId = o.Id, IsPrimary = true }));
            db.UnitOwnerships.Add(new UnitOwnership { UnitId = units[9], OwnerId = demoOwnerId, IsPrimary = true });
            await db.SaveChangesAsync(ct);
        }

        var batches = sp.GetRequiredService<DeliveryBatchService>();
        var batchId = await batches.PlanAsync(new BatchDraft(DemoDelivery.BatchName, "成都翠湖置业有限公司", "孙经理", "13880886688", today.AddDays(-3), today.AddDays(27)), units, ct);
        await batches.StartAsync(batchId, (await batches.GetAsync(batchId, ct)).Version, ct);

        var appointments = sp.GetRequiredService<AppointmentService>();
        var slots = new List<int>();
        for (var d = 1; d <= 3; d++)
        {
            slots.Add(await appointments.OpenSlotAsync(batchId, today.AddDays(d), new(9, 0), new(11, 30), 3, ct));
            slots.Add(await appointments.OpenSlotAsync(batchId, today.AddDays(d), new(14, 0), new(17, 0), 3, ct));
        }
        // Five bookings: tomorrow morning full (three), tomorrow afternoon one, the day after one.
        int[] slotOf = [0, 0, 0, 1, 2];
        for (var i = 0; i < slotOf.Length; i++) await appointments.BookAsync(slots[slotOf[i]], units[i], ct);

        var takeOver = sp.GetRequiredService<TakeOverService>();
        var building = (await batches.GetAsync(batchId, ct)).Buildings[0];
        var inspection = await takeOver.StartAsync(batchId, building.Id, null, today.AddDays(-5), ct);
        foreach (var item in TakeOverInspection.DefaultChecklist)
        {
            var failed = item switch { "外墙与屋面" => "屋面局部防水层起鼓", "电梯" => "2 号梯轿厢壁板划伤", _ => null };
            await takeOver.RecordItemAsync(inspection, (await takeOver.GetAsync(inspection, ct)).Version, item,
                failed != null ? CheckResult.Failed : CheckResult.Passed, failed, ct);
        }
        var roof = await takeOver.AddDefectAsync(inspection, "外墙与屋面", "屋面局部防水层起鼓，约 2 平方米", "屋面东北角", [], ct);
        var lift = await takeOver.AddDefectAsync(inspection, "电梯", "2 号梯轿厢壁板划伤，需更换壁板", "2 号电梯", [], ct);
        await takeOver.CompleteAsync(inspection, (await takeOver.GetAsync(inspection, ct)).Version, ct);
        await takeOver.PromiseAsync(roof, (await takeOver.DefectAsync(roof, ct)).Version, today, ct);
        await takeOver.MarkRectifiedAsync(roof, (await takeOver.DefectAsync(roof, ct)).Version, ct);
        await takeOver.CloseDefectAsync(roof, (await takeOver.DefectAsync(roof, ct)).Version, "工程部 刘工", ct);
        await takeOver.PromiseAsync(lift, (await takeOver.DefectAsync(lift, ct)).Version, today.AddDays(7), ct);
    }
}
