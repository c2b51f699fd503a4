using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.MoveIn;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>Delivery inspections and a move-in in the first demo estate's batch "一期交付", made through the real
/// services: one inspection signed with two defects turned into warranty repairs, one in progress, and one unit whose
/// move-in is done (已入住). It runs after the batch demo and uses its batch; without it, or when that batch has no
/// three undelivered units with owners, it plans a small batch of its own (units in no other batch) so the screens have
/// something to show.</summary>
internal static class DemoDelivery
{
    public const string BatchName = "一期交付";

    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var staff = await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("staff");
        if (staff == null) return;
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().SetUser(new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        sp.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        var dbFactory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();

        List<int> candidates;
        int batchId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var batch = await db.DeliveryBatches.FirstOrDefaultAsync(b => b.Name == BatchName && b.Status == BatchStatus.InProgress, ct);
            candidates = batch == null ? [] : await CandidatesAsync(db, batch.UnitIds, ct);
            if (candidates.Count < 3)
            {
                // No batch demo, or its units have no owners yet: a small batch of our own, of units in no other batch.
                batch = await PlanOwnBatchAsync(db, sp, batch == null ? BatchName : BatchName + "（验收示例）", ct);
                if (batch == null) return;
                candidates = await CandidatesAsync(db, batch.UnitIds, ct);
            }
            batchId = batch.Id;
        }
        if (candidates.Count < 3) return;

        var inspections = sp.GetRequiredService<DeliveryInspectionService>();
        var procedures = sp.GetRequiredService<MoveInProcedureService>();

        // 1. Signed on the tablet, two defects → two warranty repair orders.
        var (signed, v) = await WalkAsync(inspections, batchId, candidates[0], [("卫生间", "给排水", "地漏排水缓慢，有积水"), ("主卧", "门窗", "窗扇关闭不严，有缝隙")], ct);
        v = await inspections.SignOnTabletAsync(signed, v, Signature(), ct);
        await inspections.CompleteAsync(signed, v, ct);

        // 2. In progress: the living room and the kitchen done, the rest still to walk.
        var open = await inspections.StartAsync(batchId, candidates[1], ct: ct);
        var d = await inspections.GetAsync(open, ct);
        v = d.Version;
        foreach (var l in d.Lines.Where(l => l.Room is "客厅" or "厨房"))
            v = await inspections.RecordAsync(open, v, l.Room, l.Item, l.Item == "燃气" && l.Room == "客厅" ? CheckResult.NotApplicable : CheckResult.Passed, null, ct);

        // 3. Inspected without defects, move-in completed: the unit is 已入住.
        var (clean, cv) = await WalkAsync(inspections, batchId, candidates[2], [], ct);
        cv = await inspections.SignOnTabletAsync(clean, cv, Signature(), ct);
        await inspections.CompleteAsync(clean, cv, ct);
        var p = await procedures.StartAsync(batchId, candidates[2], ct);
        var pd = await procedures.GetAsync(p, ct);
        var pv = pd.Version;
        foreach (var doc in pd.Documents.Where(x => x.Required)) pv = await procedures.TickDocumentAsync(p, pv, doc.Name, true, ct);
        pv = await procedures.RecordFeeAsync(p, pv, "物业服务费（首年）", 3218.40m, $"CH-SJ-{p:0000}01", ct);
        pv = await procedures.RecordFeeAsync(p, pv, "装修保证金", 2000m, $"CH-SJ-{p:0000}02", ct);
        pv = await procedures.HandOverKeysAsync(p, pv, [new("入户门钥匙", 3), new("单元门禁卡", 2), new("信箱钥匙", 1)], pd.OwnerName, ct);
        if (pd.OwnerFile.Complete) await procedures.CompleteAsync(p, pv, UnitState.Occupied, ct);
    }

    /// <summary>Starts and walks the whole form: every line passed (gas not applicable on the balcony) except the defects; meters read.</summary>
    private static async Task<(int Id, int Version)> WalkAsync(DeliveryInspectionService s, int batchId, int unitId,
        (string Room, string Item, string Note)[] defects, CancellationToken ct)
    {
        var id = await s.StartAsync(batchId, unitId, ct: ct);
        var d = await s.GetAsync(id, ct);
        var v = d.Version;
        foreach (var l in d.Lines)
        {
            var defect = defects.FirstOrDefault(x => x.Room == l.Room && x.Item == l.Item);
            var result = defect.Note != null ? CheckResult.Failed : l.Item == "燃气" && l.Room is not "厨房" ? CheckResult.NotApplicable : CheckResult.Passed;
            v = await s.RecordAsync(id, v, l.Room, l.Item, result, defect.Note, ct);
        }
        return (id, await s.ReadMetersAsync(id, v, new MeterReadings(3.2m + unitId % 7, 12.5m + unitId % 11, 0.8m), ct: ct));
    }

    /// <summary>Units of the batch with an owner, not delivered, not yet inspected (the first three).</summary>
    private static async Task<List<int>> CandidatesAsync(AppDbContext db, List<int> unitIds, CancellationToken ct)
    {
        var inspected = await db.DeliveryInspections.Select(i => i.UnitId).ToListAsync(ct);
        return await db.Units.Where(u => unitIds.Contains(u.Id) && u.State == UnitState.NotDelivered && !inspected.Contains(u.Id)
                && db.UnitOwnerships.Any(o => o.UnitId == u.Id))
            .OrderBy(u => u.Id).Select(u => u.Id).Take(3).ToListAsync(ct);
    }

    /// <summary>A batch of a few undelivered units that have owners and are in no other batch, in progress from three days ago.</summary>
    private static async Task<DeliveryBatch?> PlanOwnBatchAsync(AppDbContext db, IServiceProvider sp, string name, CancellationToken ct)
    {
        var taken = (await db.DeliveryBatches.Select(b => b.UnitIds).ToListAsync(ct)).SelectMany(x => x).ToHashSet();
        var units = (await db.Units.Where(u => u.State == UnitState.NotDelivered && db.UnitOwnerships.Any(o => o.UnitId == u.Id))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct)).Where(id => !taken.Contains(id)).Take(6).ToList();
        if (units.Count < 3) return null;
        var project = sp.GetRequiredService<TenantContext>().Project!;
        var today = Repairs.ProjectClock.For(sp.GetRequiredService<TimeProvider>(), project).Today;
        var batch = DeliveryBatch.Plan(name, "翠湖置业有限公司", "刘建国", "13980001234", today.AddDays(-3), today.AddDays(30), units);
        db.DeliveryBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        batch.Start();
        await db.SaveChangesAsync(ct);
        return batch;
    }

    /// <summary>A drawn-looking signature: a few strokes on a transparent 300×100 PNG, built here so the demo needs no file.</summary>
    internal static byte[] Signature()
    {
        const int w = 300, h = 100;
        var pixels = new byte[h * (w * 4 + 1)];
        void Dot(int x, int y)
        {
            for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    int px = x + dx, py = y + dy;
                    if (px < 0 || py < 0 || px >= w || py >= h) continue;
                    pixels[py * (w * 4 + 1) + 1 + px * 4 + 3] = 255; // black, opaque
                }
        }
        for (var x = 20; x < 280; x++) Dot(x, (int)(50 + 22 * Math.Sin(x / 14.0) * Math.Cos(x / 47.0)));
        for (var y = 25; y < 80; y++) Dot(90 + (y - 25) / 3, y);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 1, 44, 0, 0, 0, 100, 8, 6, 0, 0, 0]);
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true)) z.Write(pixels);
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var t = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(BitConverter.IsLittleEndian ? BitConverter.GetBytes(data.Length).Reverse().ToArray() : BitConverter.GetBytes(data.Length));
        s.Write(t);
        s.Write(data);
        var crc = Crc32([.. t, .. data]);
        s.Write([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    /// <summary>PNG's chunk checksum (CRC-32, polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFFu;
    }
}
