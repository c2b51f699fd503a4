using PropertyCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Admin;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Repairs;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>The attacker skips the form (its maxlength is only a hint) and posts one character more than the server
/// allows into each free-text field of each service. Each is refused with a bilingual field error naming the limit,
/// and nothing is saved. The cases marked "new" had no server-side limit before (they fail on the old code).</summary>
[Collection(RepairsCollection.Name)]
public class TextLimitTests
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static string Over(int max) => new('长', max + 1);

    /// <summary>One attack: the call with an over-long value, the field it must name, the limit, and how to count
    /// what would have been saved (the same before and after).</summary>
    private sealed record Attack(Func<RepairWorld, Ctx, Task> Call, string Field, int Max, Func<RepairWorld, Ctx, Task<string>> State);

    /// <summary>OrderId is on site with its technician; NewOrderId is only registered (what the desk may still cancel);
    /// DoneOrderId is completed and waits for its callback (what the manager may close and the owner rate).</summary>
    private sealed record Ctx(int UnitId, int OwnerId, int OrderId, int NewOrderId, int DoneOrderId, string TechId);

    private static async Task<string> Orders(RepairWorld w, Ctx c)
    {
        await using var db = w.Db(w.A);
        var rows = await db.RepairOrders.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => $"{o.Id}:{o.Status}:{o.Version}:{o.Category}:{o.WorkDone}:{o.Materials}:{o.ReturnReason}:{o.CloseReason}").ToListAsync();
        return string.Join("|", rows);
    }

    private static async Task<string> People(RepairWorld w, Ctx c)
    {
        await using var db = w.Db(w.A);
        return $"{await db.Owners.CountAsync()}:{await db.HouseholdMembers.CountAsync()}:{await db.EmergencyContacts.CountAsync()}:{await db.Owners.Select(o => o.Email).FirstOrDefaultAsync(o => o != null)}";
    }

    private static async Task<string> Callbacks(RepairWorld w, Ctx c)
    {
        await using var db = w.Db(w.A);
        return string.Join("|", await db.Callbacks.AsNoTracking().Select(x => $"{x.Id}:{x.Status}:{x.Attempts}:{x.Remarks}").ToListAsync());
    }

    private static async Task<string> Projects(RepairWorld w, Ctx c)
    {
        await using var db = new PropertyCare.Infrastructure.Data.AppDbContext(w.App.Provider.GetRequiredService<DbContextOptions<PropertyCare.Infrastructure.Data.AppDbContext>>(), null);
        return $"{await db.Projects.CountAsync()}:{await db.CalendarDays.CountAsync()}:{await db.Buildings.IgnoreQueryFilters().CountAsync()}:{await db.RepairSettings.IgnoreQueryFilters().CountAsync()}";
    }

    private static async Task<string> Everything(RepairWorld w, Ctx c) =>
        string.Join("\n", await Orders(w, c), await People(w, c), await Callbacks(w, c), await Projects(w, c));

    private static OwnerService Owners(RepairWorld w) => w.As(Roles.ServiceDesk, w.A).GetRequiredService<OwnerService>();
    private static OwnerDetails Owner(string? email = null, string? notes = null, string name = "王芳") =>
        new(name, IdDocumentType.ResidentIdCard, "510104198001011236", "13900001111", null, email, ContactPreference.Phone, null, notes);

    private static readonly Dictionary<string, Attack> Attacks = new()
    {
        // new: no limit before
        ["owner email (new)"] = new((w, c) => Owners(w).CreateAsync(Owner(email: new string('a', TextLimits.Email) + "@x.cn"), [c.UnitId]), "Email", TextLimits.Email, People),
        ["household member relation (new)"] = new((w, c) => Owners(w).SavePersonAsync(PersonKind.HouseholdMember, c.OwnerId, null, "李明", Over(TextLimits.Relation), null), "Relation", TextLimits.Relation, People),
        ["emergency contact relation (new)"] = new((w, c) => Owners(w).SavePersonAsync(PersonKind.EmergencyContact, c.OwnerId, null, "李明", Over(TextLimits.Relation), "13900002222"), "Relation", TextLimits.Relation, People),
        ["work done (new)"] = new(async (w, c) => await w.Tech(w.A, c.TechId).CompleteAsync(c.OrderId, (await w.OrderAsync(w.A, c.OrderId)).Version, Over(TextLimits.Description), null, FeeKind.Free, null, []), "WorkDone", TextLimits.Description, Orders),
        ["materials (new)"] = new(async (w, c) => await w.Tech(w.A, c.TechId).CompleteAsync(c.OrderId, (await w.OrderAsync(w.A, c.OrderId)).Version, "更换阀芯", Over(TextLimits.Remark), FeeKind.Free, null, []), "Materials", TextLimits.Remark, Orders),
        ["return reason (new)"] = new(async (w, c) => await w.Tech(w.A, c.TechId).ReturnAsync(c.OrderId, (await w.OrderAsync(w.A, c.OrderId)).Version, Over(TextLimits.Reason)), "ReturnReason", TextLimits.Reason, Orders),
        ["cancel reason (new)"] = new(async (w, c) => await w.Desk(w.A).CancelAsync(c.NewOrderId, (await w.OrderAsync(w.A, c.NewOrderId)).Version, Over(TextLimits.Reason)), "CloseReason", TextLimits.Reason, Orders),
        ["manager close reason (new)"] = new(async (w, c) => await w.Manager(w.A).CloseByManagerAsync(c.DoneOrderId, (await w.OrderAsync(w.A, c.DoneOrderId)).Version, Over(TextLimits.Reason)), "CloseReason", TextLimits.Reason, Orders),
        ["project city (new)"] = new((w, c) => w.As(Roles.PlatformAdmin, w.A, "u-admin").GetRequiredService<PlatformAdminService>().CreateProjectAsync(w.A.CompanyId, "新项目", "NEW1", Over(TextLimits.City), "人民南路 1 号"), "City", TextLimits.City, Projects),
        ["project address (new)"] = new((w, c) => w.As(Roles.PlatformAdmin, w.A, "u-admin").GetRequiredService<PlatformAdminService>().CreateProjectAsync(w.A.CompanyId, "新项目", "NEW1", "成都", Over(TextLimits.Address)), "Address", TextLimits.Address, Projects),
        // limits that were already there, kept as the same numbers from TextLimits
        ["owner name"] = new((w, c) => Owners(w).CreateAsync(Owner(name: Over(TextLimits.PersonName)), [c.UnitId]), "Name", TextLimits.PersonName, People),
        ["owner notes"] = new((w, c) => Owners(w).CreateAsync(Owner(notes: Over(TextLimits.Description)), [c.UnitId]), "Notes", TextLimits.Description, People),
        ["repair description"] = new((w, c) => w.Desk(w.A).RegisterAsync(RepairWorld.Intake(c.UnitId, description: Over(TextLimits.Description)), []), "Description", TextLimits.Description, Orders),
        ["portal repair description"] = new((w, c) => w.Portal(w.A, c.OwnerId).SubmitAsync(c.UnitId, "水电", Over(TextLimits.Description), RepairUrgency.Normal, null, []), "Description", TextLimits.Description, Orders),
        ["owner rating comment"] = new((w, c) => w.Portal(w.A, c.OwnerId).RateAsync(c.DoneOrderId, Satisfaction.Satisfied, ServiceAttitude.Good, true, true, Over(TextLimits.Remark)), "Remarks", TextLimits.Remark, Orders),
        ["building name"] = new((w, c) => w.As(Roles.ProjectManager, w.A).GetRequiredService<UnitService>().SaveBuildingAsync(null, Over(TextLimits.Label), 10), "Name", TextLimits.Label, Projects),
        ["repair category setting"] = new((w, c) => w.As(Roles.ProjectManager, w.A).GetRequiredService<RepairSettingsService>().SaveAsync(0, 3, 7, ["水电", Over(TextLimits.Label)]), "Categories", TextLimits.Label, Projects),
        ["holiday name"] = new((w, c) => w.As(Roles.PlatformAdmin, w.A, "u-admin").GetRequiredService<CalendarService>().AddAsync(new DateOnly(2027, 10, 1), DayKind.Holiday, Over(TextLimits.Label)), "Name", TextLimits.Label, Projects),
    };

    public static TheoryData<string> Cases() => new(Attacks.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_over_long_text_is_refused_with_a_field_error_and_nothing_is_saved(string attack)
    {
        var a = Attacks[attack];
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "tech-limits", "维修 张强");
        var (order, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        // The technician's fields need an order in their hands: dispatched, accepted, on site.
        await w.Desk(w.A).DispatchAsync(order, (await w.OrderAsync(w.A, order)).Version, tech);
        await w.Tech(w.A, tech).AcceptAsync(order, (await w.OrderAsync(w.A, order)).Version);
        await w.Tech(w.A, tech).ArriveAsync(order, (await w.OrderAsync(w.A, order)).Version);
        var (fresh, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "阳台地漏堵塞"), []);
        var (done, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit, description: "卫生间灯不亮"), []);
        await w.DispatchAndCompleteAsync(w.A, done, tech);
        var c = new Ctx(unit, owner, order, fresh, done, tech);
        var before = await Everything(w, c);

        var e = await Assert.ThrowsAsync<ValidationException>(() => a.Call(w, c));

        var error = Assert.Single(e.Errors, x => x.Field == a.Field);
        Assert.Contains($"{a.Max}", error.Message.Zh);
        Assert.Contains($"at most {a.Max} characters", error.Message.En, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Everything(w, c));
    }

    [Fact]
    public async Task Exactly_the_limit_is_accepted()
    {
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        await Owners(w).SavePersonAsync(PersonKind.HouseholdMember, owner, null, "李明", new string('亲', TextLimits.Relation), null);
        var (order, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.Desk(w.A).CancelAsync(order, (await w.OrderAsync(w.A, order)).Version, new string('因', TextLimits.Reason));
        Assert.Equal(TextLimits.Reason, (await w.OrderAsync(w.A, order)).CloseReason!.Length);
    }
    [Fact]
    public async Task A_full_length_close_reason_on_a_rework_order_still_closes_the_order_it_reworks()
    {
        // The parent's reason is composed ("返工单 … 经理关闭：" + the manager's text) and would pass the limit.
        await using var w = await RepairWorld.CreateAsync(Provider);
        var (unit, _) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
        var (id, _) = await w.Desk(w.A).RegisterAsync(RepairWorld.Intake(unit), []);
        await w.DispatchAndCompleteAsync(w.A, id, tech);
        w.Clock.Advance(TimeSpan.FromDays(1));
        var calls = w.Callbacks(w.A);
        var row = Assert.Single((await calls.WorklistAsync(CallbackBucket.DueToday, 1, 20)).Items);
        var reworkNumber = await calls.RecordAnswerAsync(row.Id, row.Version,
            new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Dissatisfied, "仍在滴水"));
        int reworkId;
        await using (var db = w.Db(w.A)) reworkId = await db.RepairOrders.Where(o => o.Number == reworkNumber).Select(o => o.Id).SingleAsync();
        await w.DispatchAndCompleteAsync(w.A, reworkId, tech);

        await w.Manager(w.A).CloseByManagerAsync(reworkId, (await w.OrderAsync(w.A, reworkId)).Version, new string('因', TextLimits.Reason));

        Assert.Equal(RepairStatus.Closed, (await w.OrderAsync(w.A, reworkId)).Status);
        var parent = await w.OrderAsync(w.A, id);
        Assert.Equal(RepairStatus.Closed, parent.Status);
        Assert.Equal(TextLimits.Reason, parent.CloseReason!.Length);
        Assert.StartsWith($"返工单 {reworkNumber} 经理关闭：", parent.CloseReason);
    }
}
