using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Files;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The repair tests' world (real services, clock at Monday 2026-11-23 10:00 Shanghai, projects A and B of two
/// companies) with the portal and sheet services of complaints part B. The desk's steps (classify, plan, handle) are
/// applied with the domain directly, as part A's service would, so these tests do not wait for part A.</summary>
internal sealed class PortalComplaintWorld : IAsyncDisposable
{
    public RepairWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    private PortalComplaintWorld(RepairWorld w) => W = w;

    public static async Task<PortalComplaintWorld> CreateAsync(DatabaseProvider provider) => new(await RepairWorld.CreateAsync(provider));

    public PortalComplaintService Portal(Project p, int ownerId, string name = "张伟") =>
        W.As(Roles.Owner, p, $"u-owner-{ownerId}", name, ownerId).GetRequiredService<PortalComplaintService>();
    public PortalComplaintService PortalAs(string role, Project p) => W.As(role, p, "u-desk", "客服小李").GetRequiredService<PortalComplaintService>();
    public ComplaintSheetService Sheets(Project p, string role, string userId = "u-desk") => W.As(role, p, userId, "某人").GetRequiredService<ComplaintSheetService>();
    public AttachmentService Files(Project p, string role, string userId = "u-files", int? ownerId = null) =>
        W.As(role, p, userId, "看文件", ownerId).GetRequiredService<AttachmentService>();

    public Task<(int UnitId, int OwnerId)> OwnerAsync(Project p, string room, string name = "张伟", string phone = "13800138000") =>
        W.AddUnitAsync(p, room, name, phone);

    public async Task<Complaint> GetAsync(Project p, int id)
    {
        await using var db = W.Db(p);
        return await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    /// <summary>Applies a desk or department step with the domain, as part A's service does, and saves.</summary>
    public async Task StepAsync(Project p, int id, Action<Complaint, ComplaintSettings, DateTime, ComplaintTime> step)
    {
        await using var db = W.Db(p);
        var c = await db.Complaints.SingleAsync(x => x.Id == id);
        var settings = await db.ComplaintSettings.AsNoTracking().FirstOrDefaultAsync() ?? new ComplaintSettings { ProjectId = p.Id };
        var time = new ComplaintTime(new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync()), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        step(c, settings, W.Clock.GetUtcNow().UtcDateTime, time);
        await db.SaveChangesAsync();
    }

    /// <summary>Classified (with the class given), dispatched to 工程部 / the technician, planned and handled: the callback is due.</summary>
    public async Task HandledAsync(Project p, int id, ComplaintClass cls = ComplaintClass.Valid, string handlerId = "u-tech")
    {
        await StepAsync(p, id, (c, s, now, t) => c.Classify(new ComplaintClassification(c.Kind == ComplaintKind.Complaint ? cls : null,
            c.Kind == ComplaintKind.Complaint ? "物业保洁不到位" : null, "保洁卫生", SameDayReason.None, "工程部", handlerId, "王师傅"), s, "客服小李", now, t));
        await StepAsync(p, id, (c, s, now, t) => c.RecordPlan("当天安排保洁清理楼道", "王师傅", now, s, t));
        await StepAsync(p, id, (c, s, now, t) => c.Handle("楼道已清理干净", "处理及时", "王师傅", now, s, t));
    }

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
