using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Accounts;
using PropertyCare.Infrastructure.Admin;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Calendar;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Notifications;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Owners.Import;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Repairs;
using PropertyCare.Infrastructure.Staff;

namespace PropertyCare.Infrastructure.Tests.Repairs;

/// <summary>Every write method of every service, and every read of personal data or of a staff-only page, called by
/// each role that lacks the permission the method needs (from the role → permission table in Permissions.cs), is
/// refused at the service — not only at the page — and changes nothing. The arguments are valid: the same call by a role that holds the permission would go through,
/// so the permission check is the only thing standing in the way. The caller carries the technician's user id and
/// the owner's owner id whatever its role, so "not your order" or "not your unit" cannot refuse in its place.</summary>
[Collection(RepairsCollection.Name)]
public class ServicePermissionTests(ServicePermissionTests.Worlds worlds) : IClassFixture<ServicePermissionTests.Worlds>
{
    /// <summary>The database these tests run on; OnPostgreSql.cs runs the same tests on PostgreSQL.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>What each write method needs, and the call with valid arguments against the shared world.</summary>
    private sealed record Method(string Permission, Func<IServiceProvider, Ctx, Task> Call);

    /// <summary>The shared world: one project with every kind of record a write method needs, in the state it needs.</summary>
    internal sealed record Ctx(RepairWorld W, int UnitId, int SpareUnitId, int OwnerId, int OwnerWithoutAccountId, int LinkId, int MemberId,
        int BuildingId, string TechId, string DeskId, int RegisteredOrderId, int DispatchedOrderId, int AcceptedOrderId, int OnSiteOrderId,
        int DoneOrderId, int CallbackId, int SettingsVersion, int CalendarDayId, ImportPreview Import, long FailedMessageId, string JobKey);

    private static T S<T>(IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();
    private static async Task<int> V(Ctx c, int orderId) => (await c.W.OrderAsync(c.W.A, orderId)).Version;
    private static async Task<int> CallbackVersion(Ctx c)
    {
        await using var db = c.W.Db(c.W.A);
        return await db.Callbacks.Where(x => x.Id == c.CallbackId).Select(x => x.Version).SingleAsync();
    }

    private static readonly OwnerDetails NewOwner = new("王芳", IdDocumentType.ResidentIdCard, "510104198001011236", "13900001111", null, null, ContactPreference.Phone, null, null);

    private static readonly Dictionary<string, Method> Methods = new()
    {
        ["CallbackService.RecordAnswer"] = new(Permissions.CallbacksWrite, async (sp, c) => await S<CallbackService>(sp).RecordAnswerAsync(c.CallbackId, await CallbackVersion(c),
            new CallbackAnswer("张伟", ServiceAttitude.Good, true, true, Satisfaction.Satisfied, null))),
        ["CallbackService.RecordFailed"] = new(Permissions.CallbacksWrite, async (sp, c) => await S<CallbackService>(sp).RecordFailedAsync(c.CallbackId, await CallbackVersion(c), CallOutcome.NoAnswer, null)),

        ["RepairService.Register"] = new(Permissions.RepairsWrite, (sp, c) => S<RepairService>(sp).RegisterAsync(RepairWorld.Intake(c.UnitId), [])),
        ["RepairService.Dispatch"] = new(Permissions.RepairsWrite, async (sp, c) => await S<RepairService>(sp).DispatchAsync(c.RegisteredOrderId, await V(c, c.RegisteredOrderId), c.TechId)),
        ["RepairService.Cancel"] = new(Permissions.RepairsWrite, async (sp, c) => await S<RepairService>(sp).CancelAsync(c.RegisteredOrderId, await V(c, c.RegisteredOrderId), "业主撤销")),
        ["RepairService.CloseByManager"] = new(Permissions.RepairsManage, async (sp, c) => await S<RepairService>(sp).CloseByManagerAsync(c.DoneOrderId, await V(c, c.DoneOrderId), "业主联系不上")),

        ["TechnicianService.Accept"] = new(Permissions.RepairsWork, async (sp, c) => await S<TechnicianService>(sp).AcceptAsync(c.DispatchedOrderId, await V(c, c.DispatchedOrderId))),
        ["TechnicianService.Return"] = new(Permissions.RepairsWork, async (sp, c) => await S<TechnicianService>(sp).ReturnAsync(c.DispatchedOrderId, await V(c, c.DispatchedOrderId), "缺配件")),
        ["TechnicianService.Arrive"] = new(Permissions.RepairsWork, async (sp, c) => await S<TechnicianService>(sp).ArriveAsync(c.AcceptedOrderId, await V(c, c.AcceptedOrderId))),
        ["TechnicianService.Complete"] = new(Permissions.RepairsWork, async (sp, c) => await S<TechnicianService>(sp).CompleteAsync(c.OnSiteOrderId, await V(c, c.OnSiteOrderId),
            "更换阀芯", null, FeeKind.Free, null, [])),

        ["PortalRepairService.Submit"] = new(Permissions.OwnerPortal, (sp, c) => S<PortalRepairService>(sp).SubmitAsync(c.UnitId, "水电", "厨房水龙头漏水", RepairUrgency.Normal, null, [])),
        ["PortalRepairService.Rate"] = new(Permissions.OwnerPortal, (sp, c) => S<PortalRepairService>(sp).RateAsync(c.DoneOrderId, Satisfaction.Satisfied, ServiceAttitude.Good, true, true, null)),

        ["OwnerService.Create"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerService>(sp).CreateAsync(NewOwner, [c.SpareUnitId])),
        ["OwnerService.Update"] = new(Permissions.OwnersWrite, async (sp, c) => await S<OwnerService>(sp).UpdateAsync(c.OwnerId, await OwnerVersion(c), NewOwner with { Name = "张伟伟" })),
        ["OwnerService.Delete"] = new(Permissions.OwnersWrite, async (sp, c) => await S<OwnerService>(sp).DeleteAsync(c.OwnerWithoutAccountId, await OwnerVersion(c, c.OwnerWithoutAccountId))),
        ["OwnerService.LinkUnit"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerService>(sp).LinkUnitAsync(c.OwnerId, c.SpareUnitId)),
        ["OwnerService.UnlinkUnit"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerService>(sp).UnlinkUnitAsync(c.LinkId)),
        ["OwnerService.SavePerson"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerService>(sp).SavePersonAsync(PersonKind.HouseholdMember, c.OwnerId, null, "李明", "子女", null)),
        ["OwnerService.RemovePerson"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerService>(sp).RemovePersonAsync(PersonKind.HouseholdMember, c.MemberId)),
        // Revealing writes the access log (个人信息保护), so it counts as a write here.
        ["OwnerService.Reveal"] = new(Permissions.OwnersReveal, (sp, c) => S<OwnerService>(sp).RevealAsync(SensitiveField.OwnerPhone, c.OwnerId)),

        ["UnitService.SaveBuilding"] = new(Permissions.OwnersWrite, (sp, c) => S<UnitService>(sp).SaveBuildingAsync(null, "9栋", 18)),
        ["UnitService.SaveUnit"] = new(Permissions.OwnersWrite, (sp, c) => S<UnitService>(sp).SaveUnitAsync(null, 0, new UnitDetails(c.BuildingId, "1", 3, "301", 90, "两室", UnitState.Vacant))),

        ["RepairSettingsService.Save"] = new(Permissions.RepairsManage, (sp, c) => S<RepairSettingsService>(sp).SaveAsync(c.SettingsVersion, 3, 2, ["水电", "门窗"])),

        ["CalendarService.Add"] = new(Permissions.ManagePlatform, (sp, c) => S<CalendarService>(sp).AddAsync(new DateOnly(2027, 10, 1), DayKind.Holiday, "国庆节")),
        ["CalendarService.Remove"] = new(Permissions.ManagePlatform, (sp, c) => S<CalendarService>(sp).RemoveAsync(c.CalendarDayId)),

        ["StaffService.Add"] = new(Permissions.StaffManage, (sp, c) => S<StaffService>(sp).AddAsync("lina", "李娜", null, Roles.Technician, "Init@2026")),
        ["StaffService.SetActive"] = new(Permissions.StaffManage, (sp, c) => S<StaffService>(sp).SetActiveAsync(c.DeskId, false)),
        ["StaffService.ResetPassword"] = new(Permissions.StaffManage, (sp, c) => S<StaffService>(sp).ResetPasswordAsync(c.DeskId)),

        ["OwnerAccountService.Open"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerAccountService>(sp).OpenAsync(c.OwnerWithoutAccountId)),
        ["OwnerAccountService.SendResetCode"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerAccountService>(sp).SendResetCodeAsync(c.OwnerId)),
        ["OwnerAccountService.SetActive"] = new(Permissions.OwnersWrite, (sp, c) => S<OwnerAccountService>(sp).SetActiveAsync(c.OwnerId, false)),

        ["PlatformAdminService.CreateCompany"] = new(Permissions.ManagePlatform, (sp, c) => S<PlatformAdminService>(sp).CreateCompanyAsync("丙物业", "C")),
        ["PlatformAdminService.CreateProject"] = new(Permissions.ManagePlatform, (sp, c) => S<PlatformAdminService>(sp).CreateProjectAsync(c.W.A.CompanyId, "新项目", "A9", "成都", "人民南路 1 号")),
        ["PlatformAdminService.CreateUser"] = new(Permissions.ManagePlatform, (sp, c) => S<PlatformAdminService>(sp).CreateUserAsync("zhouqi", "周琪", Roles.ServiceDesk, c.W.A.CompanyId, [c.W.A.Id], "Init@2026")),
        ["PlatformAdminService.SetActive"] = new(Permissions.ManagePlatform, (sp, c) => S<PlatformAdminService>(sp).SetActiveAsync(c.DeskId, false)),
        ["PlatformAdminService.ResetPassword"] = new(Permissions.ManagePlatform, (sp, c) => S<PlatformAdminService>(sp).ResetPasswordAsync(c.DeskId)),

        ["OwnerImportService.Preview"] = new(Permissions.OwnersImport, (sp, c) => S<OwnerImportService>(sp).PreviewAsync(new MemoryStream(ImportFile()), "业主.csv", CancellationToken.None)),
        ["OwnerImportService.Commit"] = new(Permissions.OwnersImport, (sp, c) => S<OwnerImportService>(sp).CommitAsync(c.Import, CancellationToken.None)),

        ["NotificationOutbox.Retry"] = new(Permissions.StaffManage, (sp, c) => S<NotificationOutbox>(sp).RetryAsync(c.FailedMessageId)),
        ["JobDashboard.Delete"] = new(Permissions.StaffManage, (sp, c) => S<JobDashboard>(sp).DeleteAsync(c.JobKey)),
        ["JobDashboard.Retry"] = new(Permissions.StaffManage, (sp, c) => S<JobDashboard>(sp).RetryAsync(c.JobKey)),
        ["JobDashboard.Trigger"] = new(Permissions.StaffManage, (sp, c) => S<JobDashboard>(sp).TriggerAsync(c.JobKey)),

        // Reads of personal data and of staff-only pages: refused just the same (they change nothing either way).
        ["OwnerService.List (read)"] = new(Permissions.OwnersRead, (sp, c) => S<OwnerService>(sp).ListAsync(new OwnerListQuery(), 1, 20)),
        ["OwnerService.Get (read)"] = new(Permissions.OwnersRead, (sp, c) => S<OwnerService>(sp).GetAsync(c.OwnerId)),
        ["OwnerService.Sheet (read)"] = new(Permissions.OwnersRead, (sp, c) => S<OwnerService>(sp).SheetAsync(c.OwnerId)),
        ["UnitService.Search (read)"] = new(Permissions.OwnersRead, (sp, c) => S<UnitService>(sp).SearchAsync("1201")),
        ["UnitService.Lookup (read)"] = new(Permissions.RepairsWrite, (sp, c) => S<UnitService>(sp).LookupAsync("1201")),
        ["OwnerExportService.Export (read)"] = new(Permissions.OwnersExport, (sp, c) => S<OwnerExportService>(sp).ExportAsync(new OwnerListQuery(), true)),
        ["HistoryService.ForRecord (read)"] = new(Permissions.OwnersRead, (sp, c) => S<HistoryService>(sp).ForRecordAsync(nameof(Owner), c.OwnerId, 1, 20)),
        ["HistoryService.AccessLog (read)"] = new(Permissions.StaffManage, (sp, c) => S<HistoryService>(sp).AccessLogAsync(1, 20)),
        ["NotificationOutbox.List (read)"] = new(Permissions.StaffManage, (sp, c) => S<NotificationOutbox>(sp).ListAsync(null, 1, 20)),
        ["JobDashboard.Runs (read)"] = new(Permissions.StaffManage, (sp, c) => S<JobDashboard>(sp).RunsAsync(null, 1, 20)),
        ["JobDashboard.Scheduled (read)"] = new(Permissions.StaffManage, (sp, c) => S<JobDashboard>(sp).ScheduledAsync()),
        ["StaffService.List (read)"] = new(Permissions.StaffManage, (sp, c) => S<StaffService>(sp).ListAsync()),
        ["AccountEventQueries.List (read)"] = new(Permissions.AccountsAudit, (sp, c) => S<AccountEventQueries>(sp).ListAsync(null, null, 1, 20)),
        ["HqQueries.ProjectOverview (read)"] = new(Permissions.HqRead, (sp, c) => S<HqQueries>(sp).ProjectOverviewAsync()),
        ["PlatformAdminService.Users (read)"] = new(Permissions.ManagePlatform, (sp, c) => S<PlatformAdminService>(sp).UsersAsync(null, 1, 20)),
        ["RepairService.List (read)"] = new(Permissions.RepairsRead, (sp, c) => S<RepairService>(sp).ListAsync(new RepairListQuery(), 1, 20)),
        ["RepairService.Technicians (read)"] = new(Permissions.RepairsWrite, (sp, c) => S<RepairService>(sp).TechniciansAsync()),
        ["RepairReports.DailyCallback (read)"] = new(Permissions.RepairsRead, (sp, c) => S<RepairReports>(sp).DailyCallbackAsync(new DateOnly(2026, 11, 24))),
        ["CallbackService.Sheet (read)"] = new(Permissions.RepairsRead, (sp, c) => S<CallbackService>(sp).SheetAsync(c.CallbackId)),
        ["CallbackService.Counts (read)"] = new(Permissions.RepairsRead, (sp, c) => S<CallbackService>(sp).CountsAsync()),
        ["CallbackService.Worklist (read)"] = new(Permissions.RepairsRead, (sp, c) => S<CallbackService>(sp).WorklistAsync(CallbackBucket.DueToday, 1, 20)),
        ["RepairService.OpenForUnit (read)"] = new(Permissions.RepairsRead, (sp, c) => S<RepairService>(sp).OpenForUnitAsync(c.UnitId)),
        ["RepairService.TechnicianLoad (read)"] = new(Permissions.RepairsWrite, (sp, c) => S<RepairService>(sp).TechnicianLoadAsync()),
        ["PortalRepairService.Categories (read)"] = new(Permissions.OwnerPortal, (sp, c) => S<PortalRepairService>(sp).CategoriesAsync()),
        ["TechnicianService.MyOrders (read)"] = new(Permissions.RepairsWork, (sp, c) => S<TechnicianService>(sp).MyOrdersAsync(false, 1, 20)),
        ["PortalRepairService.MyRequests (read)"] = new(Permissions.OwnerPortal, (sp, c) => S<PortalRepairService>(sp).MyRequestsAsync(1, 20)),
    };

    private static async Task<int> OwnerVersion(Ctx c, int? ownerId = null)
    {
        await using var db = c.W.Db(c.W.A);
        var id = ownerId ?? c.OwnerId;
        return await db.Owners.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }

    private static byte[] ImportFile()
    {
        const string first17 = "11010519800101001";
        var csv = "楼栋,单元,楼层,房号,建筑面积,户型,房屋状态,业主姓名,证件类型,证件号码,手机号码,备用电话,入住日期\n"
            + $"5栋,1,8,801,89.5,三室两厅,,赵敏,居民身份证,{first17}{ContactRules.ResidentIdCheckDigit(first17)},13700137000,,\n";
        return new UTF8Encoding(false).GetBytes(csv);
    }

    /// <summary>Each write method with each role the permission table does not give its permission.</summary>
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, m) in Methods.OrderBy(x => x.Key, StringComparer.Ordinal))
            foreach (var role in Roles.All.Where(r => !Permissions.ForRoles([r]).Contains(m.Permission)))
                data.Add(name, role);
        return data;
    }

    [Theory, MemberData(nameof(Refusals))]
    public async Task A_role_without_the_permission_is_refused_by_the_service_and_nothing_changes(string method, string role)
    {
        var c = await worlds.For(Provider);
        var caller = c.W.As(role, c.W.A, c.TechId, "越权者", c.OwnerId);
        var before = await Fingerprint(c.W);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Methods[method].Call(caller, c));

        Assert.Equal(before, await Fingerprint(c.W));
    }

    [Fact]
    public void Every_write_method_is_refused_to_somebody_and_allowed_to_somebody()
    {
        // A permission nobody holds (a typo) or everybody holds would make the rows above meaningless.
        Assert.All(Methods, m => Assert.Contains(m.Value.Permission, Permissions.All));
        Assert.All(Methods, m =>
        {
            Assert.Contains(Roles.All, r => Permissions.ForRoles([r]).Contains(m.Value.Permission));
            Assert.Contains(Roles.All, r => !Permissions.ForRoles([r]).Contains(m.Value.Permission));
        });
        // The row the review named: HQ auditors read repairs but must not record callbacks.
        Assert.Contains(Refusals(), row => (string)row[0] == "CallbackService.RecordAnswer" && (string)row[1] == Roles.HqAuditor);
    }

    /// <summary>Everything a write method could change, in every project, read past the filters.</summary>
    private static async Task<string> Fingerprint(RepairWorld w)
    {
        await using var db = new AppDbContext(w.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null);
        var parts = new List<string>
        {
            string.Join(",", await db.RepairOrders.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Status}:{o.Version}:{o.TechnicianId}").ToListAsync()),
            string.Join(",", await db.Callbacks.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Status}:{o.Attempts}:{o.Version}").ToListAsync()),
            string.Join(",", await db.Owners.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Name}:{o.Version}:{o.PhoneFlaggedWrong}").ToListAsync()),
            string.Join(",", await db.Units.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Version}").ToListAsync()),
            string.Join(",", await db.Buildings.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Version}").ToListAsync()),
            string.Join(",", await db.RepairSettings.IgnoreQueryFilters().OrderBy(o => o.Id).Select(o => $"{o.Id}:{o.Version}").ToListAsync()),
            string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.IsActive}:{u.SecurityStamp}:{u.PasswordHash}").ToListAsync()),
            $"links={await db.UnitOwnerships.IgnoreQueryFilters().CountAsync()} members={await db.HouseholdMembers.IgnoreQueryFilters().CountAsync()}",
            $"history={await db.ChangeRecords.IgnoreQueryFilters().CountAsync()} access={await db.SensitiveAccesses.IgnoreQueryFilters().CountAsync()}",
            $"accountEvents={await db.AccountEvents.IgnoreQueryFilters().CountAsync()} codes={await db.OneTimeCodes.IgnoreQueryFilters().CountAsync()}",
            string.Join(",", await db.OutboxMessages.IgnoreQueryFilters().OrderBy(m => m.Id).Select(m => $"{m.Id}:{m.Status}:{m.Attempts}").ToListAsync()),
            $"photos={await db.RepairPhotos.IgnoreQueryFilters().CountAsync()} jobRuns={await db.JobRuns.IgnoreQueryFilters().CountAsync()}",
            $"companies={await db.Companies.CountAsync()} projects={await db.Projects.CountAsync()} assignments={await db.ProjectAssignments.CountAsync()}",
            $"days={await db.CalendarDays.CountAsync()} userRoles={await db.UserRoles.CountAsync()}",
        };
        return string.Join("\n", parts);
    }

    /// <summary>One world per provider for the whole class: the refusals change nothing (that is what each row
    /// asserts), so they can share it, and building the world once keeps ~170 rows fast.</summary>
    public sealed class Worlds : IAsyncLifetime
    {
        private readonly Dictionary<DatabaseProvider, Task<Ctx>> _worlds = [];
        private readonly Lock _lock = new();

        internal Task<Ctx> For(DatabaseProvider provider)
        {
            lock (_lock)
            {
                if (!_worlds.TryGetValue(provider, out var t)) _worlds[provider] = t = BuildAsync(provider);
                return t;
            }
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var t in _worlds.Values)
                if (t.IsCompletedSuccessfully) await t.Result.W.DisposeAsync();
        }

        private static async Task<Ctx> BuildAsync(DatabaseProvider provider)
        {
            var w = await RepairWorld.CreateAsync(provider);
            var (unit, owner) = await w.AddUnitAsync(w.A, "1201", "张伟", "13800138000");
            var (spareUnit, spareOwner) = await w.AddUnitAsync(w.A, "1202", "李娜", "13900139000");
            var tech = await w.AddUserAsync(w.A, Roles.Technician, "zhangsf", "张师傅");
            var desk = await w.AddUserAsync(w.A, Roles.ServiceDesk, "xiaoli", "客服小李");
            var manager = w.As(Roles.ProjectManager, w.A, "u-mgr", "经理老周");
            // The owner of 1201 has a portal account (for reset and disable); the owner of 1202 has none (for open).
            await manager.GetRequiredService<OwnerAccountService>().OpenAsync(owner);
            await manager.GetRequiredService<OwnerService>().SavePersonAsync(PersonKind.HouseholdMember, owner, null, "张小伟", "子女", null);

            var desks = w.Desk(w.A);
            async Task<int> Register(string what) => (await desks.RegisterAsync(RepairWorld.Intake(unit, description: what), [])).Id;
            var registered = await Register("阳台地漏堵塞");
            var dispatched = await Register("卫生间灯不亮");
            await desks.DispatchAsync(dispatched, (await w.OrderAsync(w.A, dispatched)).Version, tech);
            var accepted = await Register("门锁松动");
            await desks.DispatchAsync(accepted, (await w.OrderAsync(w.A, accepted)).Version, tech);
            await w.Tech(w.A, tech).AcceptAsync(accepted, (await w.OrderAsync(w.A, accepted)).Version);
            var onSite = await Register("窗户漏风");
            await desks.DispatchAsync(onSite, (await w.OrderAsync(w.A, onSite)).Version, tech);
            await w.Tech(w.A, tech).AcceptAsync(onSite, (await w.OrderAsync(w.A, onSite)).Version);
            await w.Tech(w.A, tech).ArriveAsync(onSite, (await w.OrderAsync(w.A, onSite)).Version);
            var done = await Register("厨房水龙头漏水");
            await w.DispatchAndCompleteAsync(w.A, done, tech);
            // The callback falls due the next day.
            w.Clock.Advance(TimeSpan.FromDays(1));

            var settings = await manager.GetRequiredService<RepairSettingsService>().GetAsync();
            // The callback's reminder, planned at completion, is the project's job to retry or delete.
            var job = (await manager.GetRequiredService<JobDashboard>().ScheduledAsync()).First();
            var import = await manager.GetRequiredService<OwnerImportService>().PreviewAsync(new MemoryStream(ImportFile()), "业主.csv", CancellationToken.None);
            Assert.True(import.CanCommit);
            await using var db = w.Db(w.A);
            var link = await db.UnitOwnerships.Where(x => x.OwnerId == owner).Select(x => x.Id).SingleAsync();
            var member = await db.HouseholdMembers.Where(x => x.OwnerId == owner).Select(x => x.Id).SingleAsync();
            var building = await db.Buildings.Select(x => x.Id).SingleAsync();
            var callback = await db.Callbacks.Where(x => x.RepairOrderId == done).Select(x => x.Id).SingleAsync();
            var day = await db.CalendarDays.OrderBy(x => x.Date).Select(x => x.Id).FirstAsync();
            // The spare unit's owner loses the unit, so 1202 is free to link and its owner free to delete.
            db.UnitOwnerships.Remove(await db.UnitOwnerships.SingleAsync(x => x.OwnerId == spareOwner));
            // A message that failed for good, for the outbox page's retry.
            var failed = await db.OutboxMessages.FirstAsync(m => !m.Confidential);
            while (failed.Status == Domain.Notifications.OutboxStatus.Pending) failed.MarkAttemptFailed(w.Clock.GetUtcNow().UtcDateTime, "短信网关超时");
            await db.SaveChangesAsync();
            return new Ctx(w, unit, spareUnit, owner, spareOwner, link, member, building, tech, desk, registered, dispatched, accepted, onSite,
                done, callback, settings.Version, day, import, failed.Id, job.Key);
        }
    }
}
