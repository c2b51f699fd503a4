using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Support;

namespace PropertyCare.Infrastructure.Tests.MoveIn;

/// <summary>The repair tests' world (real services, two companies, clock at Monday 2026-11-23 10:00 Shanghai) with
/// move-in helpers: units not yet delivered with their owners, a batch 交付中 from 11-25 to 12-10, and the services as
/// the desk, a manager, HQ, a technician or an owner.</summary>
internal sealed class MoveInWorld : IAsyncDisposable
{
    public RepairWorld W { get; private init; } = null!;
    public Project A => W.A;
    public Project B => W.B;
    public TestClock Clock => W.Clock;
    public static readonly DateOnly Day1 = new(2026, 11, 26);

    public static async Task<MoveInWorld> CreateAsync(DatabaseProvider provider) => new() { W = await RepairWorld.CreateAsync(provider) };

    public DeliveryBatchService Batches(Project p, string role = Roles.ServiceDesk) => W.As(role, p).GetRequiredService<DeliveryBatchService>();
    public AppointmentService Appointments(Project p, string role = Roles.ServiceDesk) => W.As(role, p).GetRequiredService<AppointmentService>();
    public TakeOverService TakeOver(Project p, string role = Roles.ServiceDesk) => W.As(role, p, displayName: "工程部老王").GetRequiredService<TakeOverService>();
    public PortalMoveInService Portal(Project p, int ownerId) =>
        W.As(Roles.Owner, p, $"u-owner-{ownerId}", "业主", ownerId).GetRequiredService<PortalMoveInService>();

    public AppDbContext Db(Project p) => W.Db(p);

    /// <summary>A unit not yet delivered (未交付) in the named building, with an owner when a name is given.</summary>
    public async Task<(int UnitId, int OwnerId)> AddUnitAsync(Project p, string room, string? ownerName = "张伟", string phone = "13800138000",
        string building = "1栋", string entrance = "1")
    {
        await using var db = Db(p);
        var b = await db.Buildings.FirstOrDefaultAsync(x => x.Name == building);
        if (b == null) { b = new Building { Name = building, Floors = 30 }; db.Buildings.Add(b); await db.SaveChangesAsync(); }
        var unit = new Unit { BuildingId = b.Id, Entrance = entrance, Floor = 12, Room = room, Area = 89.5m, Type = "三室两厅", State = UnitState.NotDelivered };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        if (ownerName == null) return (unit.Id, 0);
        var owner = new Owner { Name = ownerName, IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = phone };
        db.Owners.Add(owner);
        await db.SaveChangesAsync();
        db.UnitOwnerships.Add(new UnitOwnership { UnitId = unit.Id, OwnerId = owner.Id, IsPrimary = true });
        await db.SaveChangesAsync();
        return (unit.Id, owner.Id);
    }

    public static BatchDraft Draft(string name = "一期交付") => new(name, "翠湖置业", "李经理", "13900139000", new(2026, 11, 25), new(2026, 12, 10));

    /// <summary>Plans and starts a batch of the units.</summary>
    public async Task<int> StartedBatchAsync(Project p, params int[] unitIds)
    {
        var batches = Batches(p);
        var id = await batches.PlanAsync(Draft(), unitIds);
        await batches.StartAsync(id, (await batches.GetAsync(id)).Version);
        return id;
    }

    public async Task<int> SlotAsync(Project p, int batchId, int capacity = 2, DateOnly? day = null, int hour = 9) =>
        await Appointments(p).OpenSlotAsync(batchId, day ?? Day1, new(hour, 0), new(hour + 2, 0), capacity);

    public async Task<DeliveryAppointment> AppointmentAsync(Project p, int id)
    {
        await using var db = Db(p);
        return await db.DeliveryAppointments.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    /// <summary>Delivers the unit the way the procedure helper will: inspection signed and completed, procedure completed.</summary>
    public async Task DeliverAsync(Project p, int batchId, int unitId, int ownerId)
    {
        await using var db = Db(p);
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        var inspection = DeliveryInspection.Start(batchId, unitId, ownerId, null, ["客厅"], ["墙面"]);
        inspection.Record("客厅", "墙面", CheckResult.Passed, null);
        inspection.ReadMeters(new MeterReadings(1m, 2m, null));
        inspection.Sign(SignatureKind.PaperScan, 1);
        inspection.Complete(Clock.GetUtcNow().UtcDateTime);
        var procedure = MoveInProcedure.Start(batchId, unitId, ownerId, MoveInProcedure.DefaultDocuments);
        foreach (var d in MoveInProcedure.DefaultDocuments) procedure.TickDocument(d.Name, true);
        procedure.HandOverKeys([new KeyHandover("入户门钥匙", 3)], "张伟");
        procedure.Complete(unit, inspection, true, UnitState.Occupied, Clock.GetUtcNow().UtcDateTime);
        db.DeliveryInspections.Add(inspection);
        db.MoveInProcedures.Add(procedure);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
