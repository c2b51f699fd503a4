using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>交付验收 at the desk (docs/move-in.md §4): start for a unit of a batch, record the rooms × items, read the
/// meters, add photos, take the owner's signature (drawn on the tablet or the signed paper form scanned), and complete —
/// which turns every defect into a free warranty repair order in the same transaction. Reads need MoveInRead, writes
/// MoveInWrite; the data layer keeps everything inside the current project.</summary>
public sealed class DeliveryInspectionService(IDbContextFactory<AppDbContext> dbFactory, TenantContext tenant, TimeProvider time,
    CalendarService calendars, NotificationOutbox outbox)
{
    private ProjectClock Clock => ProjectClock.For(time, tenant.Project!);

    /// <summary>The unit's header on the move-in page: batch, address, owner, and its inspection and procedure if started.</summary>
    public async Task<DeliveryUnitHeader> UnitAsync(int batchId, int unitId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await DeliveryQueries.BatchWithUnitAsync(db, batchId, unitId, ct);
        var state = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.State).FirstAsync(ct);
        var ownerId = await DeliveryQueries.PrimaryOwnerAsync(db, unitId, ct);
        var owner = ownerId is { } o ? await DeliveryQueries.OwnerAsync(db, o, ct) : default;
        var inspection = await db.DeliveryInspections.AsNoTracking().Where(i => i.BatchId == batchId && i.UnitId == unitId).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        var procedure = await db.MoveInProcedures.AsNoTracking().Where(i => i.BatchId == batchId && i.UnitId == unitId).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return new DeliveryUnitHeader(batch.Id, batch.Name, batch.Status, unitId, await DeliveryQueries.AddressAsync(db, unitId, ct), state,
            ownerId, owner.Name, owner.PhoneMasked, inspection, procedure);
    }

    /// <summary>Starts the form for a unit of the batch (交付中), with the unit's primary owner; links the unit's active
    /// appointment of the batch, if any, and marks it attended (the owner is here).</summary>
    public async Task<int> StartAsync(int batchId, int unitId, IReadOnlyCollection<string>? rooms = null, IReadOnlyCollection<string>? items = null,
        CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await DeliveryQueries.BatchWithUnitAsync(db, batchId, unitId, ct);
        if (batch.Status != BatchStatus.InProgress)
            throw new DomainException(new($"交付批次为“{batch.Status.Label().Zh}”，交付中才能验收", $"The batch is {batch.Status.Label().En}; inspections happen while it is in progress"));
        if (await db.DeliveryInspections.AnyAsync(i => i.BatchId == batchId && i.UnitId == unitId, ct))
            throw new DomainException(new("该房屋已开始交付验收", "This unit's delivery inspection has started already"));
        var ownerId = await DeliveryQueries.PrimaryOwnerAsync(db, unitId, ct)
            ?? throw new DomainException(new("该房屋尚无业主，请先在业主档案中登记业主", "The unit has no owner yet; register the owner first"));
        var appointment = await db.DeliveryAppointments.FirstOrDefaultAsync(a => a.BatchId == batchId && a.UnitId == unitId && a.Status != AppointmentStatus.Cancelled, ct);
        if (appointment?.Status == AppointmentStatus.Booked) appointment.Attend();
        var inspection = DeliveryInspection.Start(batchId, unitId, ownerId, appointment?.Id,
            rooms is { Count: > 0 } ? rooms : DeliveryInspection.DefaultRooms, items is { Count: > 0 } ? items : DeliveryInspection.DefaultItems);
        db.DeliveryInspections.Add(inspection);
        await db.SaveChangesAsync(ct); // the unique index (batch, unit) refuses a second desk that started at the same moment
        return inspection.Id;
    }

    public async Task<DeliveryInspectionDetail> GetAsync(int inspectionId, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInRead);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.DeliveryInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        return await DetailAsync(db, i, ct);
    }

    internal static async Task<DeliveryInspectionDetail> DetailAsync(AppDbContext db, DeliveryInspection i, CancellationToken ct)
    {
        var batchName = await db.DeliveryBatches.AsNoTracking().Where(b => b.Id == i.BatchId).Select(b => b.Name).FirstOrDefaultAsync(ct) ?? "";
        var owner = await DeliveryQueries.OwnerAsync(db, i.OwnerId, ct);
        return new DeliveryInspectionDetail(i.Id, i.BatchId, batchName, i.UnitId, await DeliveryQueries.AddressAsync(db, i.UnitId, ct), i.OwnerId,
            owner.Name, owner.PhoneMasked, i.AppointmentId, i.Status, i.Lines, await DeliveryQueries.DefectsAsync(db, i.Defects, ct), i.Meters,
            await PreviousMetersAsync(db, i, ct), i.SignatureKind, i.SignatureFileId,
            await AttachmentService.ListAsync(db, AttachmentKind.DeliveryInspectionPhoto, i.Id, ct), i.CompletedAt, i.Version);
    }

    /// <summary>Marks one room × item; a failed line needs a description and becomes (or replaces) its defect.</summary>
    public async Task<int> RecordAsync(int inspectionId, int expectedVersion, string room, string item, CheckResult result, string? note, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await LoadAsync(db, inspectionId, expectedVersion, ct);
        i.Record(room, item, result, note);
        await db.SaveChangesAsync(ct);
        return i.Version;
    }

    /// <summary>底数. A reading below the unit's previous one (a wrong entry or a changed meter) is refused until the desk
    /// confirms it (<paramref name="confirmWentBack"/>), so a slip of the finger does not become the owner's starting point.</summary>
    public async Task<int> ReadMetersAsync(int inspectionId, int expectedVersion, MeterReadings readings, bool confirmWentBack = false, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await LoadAsync(db, inspectionId, expectedVersion, ct);
        readings.Validate(requireWaterAndPower: false).ThrowIfAny();
        if (!confirmWentBack && await PreviousMetersAsync(db, i, ct) is { } prev)
        {
            var e = new List<FieldError>();
            void Back(string field, decimal? before, decimal? now, string zh, string en)
            {
                if (MeterReadings.WentBack(before, now))
                    e.Add(new(field, new($"{zh}低于上次读数 {before:0.##}，请核对后确认", $"The {en} reading is below the previous {before:0.##}; check it and confirm")));
            }
            Back(nameof(MeterReadings.Water), prev.Readings.Water, readings.Water, "水表底数", "water");
            Back(nameof(MeterReadings.Power), prev.Readings.Power, readings.Power, "电表底数", "power");
            Back(nameof(MeterReadings.Gas), prev.Readings.Gas, readings.Gas, "燃气表底数", "gas");
            e.ThrowIfAny();
        }
        i.ReadMeters(readings);
        await db.SaveChangesAsync(ct);
        return i.Version;
    }

    /// <summary>The unit's latest readings recorded before: another delivery inspection of it or a vacant-unit round.</summary>
    private static async Task<PreviousMeters?> PreviousMetersAsync(AppDbContext db, DeliveryInspection i, CancellationToken ct)
    {
        var others = (await db.DeliveryInspections.AsNoTracking().Where(x => x.UnitId == i.UnitId && x.Id != i.Id && x.CompletedAt != null)
            .Select(x => new { x.Meters, At = x.CompletedAt!.Value }).ToListAsync(ct)).Select(x => new PreviousMeters(x.Meters, x.At));
        var rounds = (await db.VacantUnitInspections.AsNoTracking().Where(x => x.UnitId == i.UnitId)
            .Select(x => new { x.Meters, x.InspectedAt }).ToListAsync(ct)).Select(x => new PreviousMeters(x.Meters, x.InspectedAt));
        return others.Concat(rounds).Where(p => p.Readings != new MeterReadings(null, null, null)).OrderByDescending(p => p.At).FirstOrDefault();
    }

    /// <summary>Photos of what was found (stored with the inspection; at most 9).</summary>
    public async Task AddPhotosAsync(int inspectionId, IReadOnlyCollection<PhotoUpload> photos, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.DeliveryInspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == inspectionId, ct) ?? throw new RecordNotFoundException();
        if (i.Status != InspectionStatus.InProgress) throw new DomainException(new("验收已完成，不能再添加照片", "The inspection is completed; no more photos"));
        if (photos.Count == 0) throw new ValidationException([new("Photos", new("请选择照片", "Choose a photo"))]);
        await AttachmentService.AddAsync(db, AttachmentKind.DeliveryInspectionPhoto, i.Id, photos, user.DisplayName, Clock.UtcNow, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The owner's signature drawn on the tablet (a PNG from the canvas).</summary>
    public Task<int> SignOnTabletAsync(int inspectionId, int expectedVersion, byte[] png, CancellationToken ct = default) =>
        SignAsync(inspectionId, expectedVersion, SignatureKind.Tablet, new PhotoUpload("signature.png", png), ct);

    /// <summary>The printed 交付验收单 signed on paper, scanned or photographed.</summary>
    public Task<int> AttachSignedScanAsync(int inspectionId, int expectedVersion, PhotoUpload scan, CancellationToken ct = default) =>
        SignAsync(inspectionId, expectedVersion, SignatureKind.PaperScan, scan, ct);

    private async Task<int> SignAsync(int inspectionId, int expectedVersion, SignatureKind kind, PhotoUpload file, CancellationToken ct)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        if (file.Bytes is not { Length: > 0 })
            throw new ValidationException([new(nameof(DeliveryInspection.SignatureFileId), new("请签名或上传签字扫描件", "Sign, or attach the signed scan"))]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var i = await LoadAsync(db, inspectionId, expectedVersion, ct);
        IllegalStepException.Require(new Text("交付验收", "delivery inspection"), i.Status, MoveInLabels.Label, InspectionStatus.InProgress);
        var stored = await AttachmentService.AddAsync(db, kind == SignatureKind.Tablet ? AttachmentKind.Signature : AttachmentKind.SignedFormScan,
            i.Id, [file], user.DisplayName, Clock.UtcNow, ct);
        await db.SaveChangesAsync(ct);
        i.Sign(kind, stored[0].Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return i.Version;
    }

    /// <summary>Completes the signed form and registers one warranty repair order per defect (交付遗留, free to the owner),
    /// numbered and given its deadline like any order at the desk, and links each back — all in one transaction: if any
    /// part fails, nothing is stored. The owner is told (in-app and SMS). Returns the repair order numbers.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(int inspectionId, int expectedVersion, CancellationToken ct = default)
    {
        tenant.RequireProject(Permissions.MoveInWrite);
        var user = tenant.RequireUser();
        var calendar = await calendars.CurrentAsync(ct);
        var clock = Clock;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var i = await LoadAsync(db, inspectionId, expectedVersion, ct);
                var defects = i.Complete(clock.UtcNow);
                await db.SaveChangesAsync(ct);
                var numbers = new List<string>();
                foreach (var d in defects)
                {
                    // The desk's own registration path (numbers per day, deadline from the calendar, contact = the owner).
                    var order = await RepairRegistrar.AddAsync(db, DefectRepair.Intake(i.UnitId, d), clock, calendar, user, ct, categoryByRule: true);
                    await db.SaveChangesAsync(ct);
                    i.LinkRepair(d, order.Id);
                    numbers.Add(order.Number);
                }
                await db.SaveChangesAsync(ct);
                await NotifyOwnerAsync(db, i, numbers, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return numbers;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another desk took the same repair number at the same moment: start again with fresh numbers.
                await tx.RollbackAsync(ct);
            }
        }
    }

    private async Task NotifyOwnerAsync(AppDbContext db, DeliveryInspection i, IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == i.OwnerId).Select(o => new { o.Phone }).FirstOrDefaultAsync(ct);
        if (owner == null) return;
        var unit = await DeliveryQueries.AddressAsync(db, i.UnitId, ct);
        var project = tenant.Project!.Name;
        var body = numbers.Count == 0
            ? $"{project}：您的房屋 {unit} 交付验收已签字完成，未发现问题。"
            : $"{project}：您的房屋 {unit} 交付验收已签字完成，{numbers.Count} 项问题已登记为免费保修维修（{string.Join("、", numbers)}），可在业主服务中查看进度。";
        const string subject = "交付验收已完成";
        if (!string.IsNullOrWhiteSpace(owner.Phone))
            await outbox.EnqueueAsync(db, Channel.Sms, owner.Phone, subject, body, $"delivery-signed-{i.Id}-sms", ct);
        var companyId = tenant.Project.CompanyId;
        foreach (var account in await db.Users.AsNoTracking().Where(u => u.OwnerId == i.OwnerId && u.CompanyId == companyId).Select(u => u.Id).ToListAsync(ct))
            await outbox.EnqueueAsync(db, Channel.InApp, account, subject, body, $"delivery-signed-{i.Id}-inapp-{account}", ct);
    }

    private static async Task<DeliveryInspection> LoadAsync(AppDbContext db, int id, int expectedVersion, CancellationToken ct)
    {
        var i = await db.DeliveryInspections.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException();
        if (i.Version != expectedVersion) throw new ConcurrencyConflictException();
        return i;
    }
}
