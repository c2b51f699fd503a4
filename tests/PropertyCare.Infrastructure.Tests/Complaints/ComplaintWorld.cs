using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>The repair tests' world (real services, clock at Monday 2026-11-23 10:00 Shanghai, projects A and B of two
/// companies) with the complaint desk services: a unit with its owner, staff to dispatch to (a technician in 工程部 whose
/// head is another technician), a good record sheet, and a complaint brought to a status.</summary>
internal sealed class ComplaintWorld : IAsyncDisposable
{
    public RepairWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    private ComplaintWorld(RepairWorld w) => W = w;

    public static async Task<ComplaintWorld> CreateAsync(DatabaseProvider provider) => new(await RepairWorld.CreateAsync(provider));

    public IServiceProvider Scope(string role, Project p, string userId, string name = "某人", int? ownerId = null) => W.As(role, p, userId, name, ownerId);
    public ComplaintService Desk(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<ComplaintService>();
    public ComplaintWorkflowService DeskFlow(Project p, string userId = "u-desk") => W.As(Roles.ServiceDesk, p, userId, "客服小李").GetRequiredService<ComplaintWorkflowService>();
    public ComplaintService Tech(Project p, string userId) => W.As(Roles.Technician, p, userId, "技工").GetRequiredService<ComplaintService>();
    public ComplaintWorkflowService TechFlow(Project p, string userId) => W.As(Roles.Technician, p, userId, "技工").GetRequiredService<ComplaintWorkflowService>();
    public ComplaintWorkflowService ManagerFlow(Project p) => W.As(Roles.ProjectManager, p, "u-mgr", "经理老周").GetRequiredService<ComplaintWorkflowService>();

    public static ComplaintIntake Intake(int? unitId, ComplaintKind kind = ComplaintKind.Complaint, string? category = null, string phone = "13800138000") =>
        new(kind, ComplaintChannel.Phone, unitId, "张伟", phone, "楼道灯坏了一周没人修", "尽快修好", category, SameDayReason.None);

    public static ComplaintClassification Valid(string handlerId, string category = "维修服务", string department = "工程部") =>
        new(ComplaintClass.Valid, "维修不及时，属我方服务质量问题", category, SameDayReason.None, department, handlerId, "");

    /// <summary>A project with a unit and its owner, a handler and the 工程部 head (both technicians on the staff).</summary>
    public async Task<Arranged> ArrangeAsync(Project p, string room = "0101")
    {
        var (unit, owner) = await W.AddUnitAsync(p, room, "张伟", "13800138000");
        var handler = await W.AddUserAsync(p, Roles.Technician, $"tech-{p.Id}-{room}", "王师傅");
        var head = await W.AddUserAsync(p, Roles.Technician, $"head-{p.Id}-{room}", "工程部刘经理");
        var settings = W.As(Roles.ProjectManager, p, "u-mgr", "经理老周").GetRequiredService<ComplaintSettingsService>();
        var s = await settings.GetAsync();
        await settings.SaveAsync(s.Current, s.Categories,
            s.Departments.Select(d => d.Name == "工程部" ? new ComplaintDepartment { Name = d.Name, HeadUserId = head } : d), s.Version);
        return new(unit, owner, handler, head);
    }

    public sealed record Arranged(int Unit, int Owner, string Handler, string Head);

    public async Task<int> RegisteredAsync(Project p, Arranged a, ComplaintKind kind = ComplaintKind.Complaint) =>
        (await Desk(p).RegisterAsync(Intake(a.Unit, kind), a.Owner, [])).Id;

    public async Task<int> DispatchedAsync(Project p, Arranged a)
    {
        var id = await RegisteredAsync(p, a);
        await DeskFlow(p).ClassifyAsync(id, await VersionAsync(p, id), Valid(a.Handler));
        return id;
    }

    public async Task<Complaint> GetAsync(Project p, int id)
    {
        await using var db = W.Db(p);
        return await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public async Task<int> VersionAsync(Project p, int id) => (await GetAsync(p, id)).Version;

    public async Task<List<string>> OutboxAsync(Project p)
    {
        await using var db = W.Db(p);
        return (await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Channel, m.Recipient, m.Subject }).ToListAsync())
            .Select(m => $"{m.Channel}:{m.Subject}").ToList();
    }

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
