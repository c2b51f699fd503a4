using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Violations after the patrol: rectify and re-check, escalation, stop and resume, deduction proposal, a repair
/// order for shared damage, and isolation of records and photos.</summary>
[Collection(RepairsCollection.Name)]
public class ViolationServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<(int App, int Unit, int Owner, int Violation)> ViolationAsync(WorksWorld w, Project p, string room = "0101", int days = 2)
    {
        var (app, unit, owner) = await w.WorkingAsync(p, room);
        var r = await w.Patrols(p).RecordAsync(app, WorksWorld.PatrolAnswers(("公共区域保护", "电梯未做保护")), null, [],
            [new ViolationInput("公共区域保护", "电梯轿厢未铺保护板，划伤", w.Today.AddDays(days), [WorksWorld.Photo()])]);
        return (app, unit, owner, r.ViolationIds[0]);
    }

    [Fact]
    public async Task Rectified_a_failed_recheck_with_a_new_deadline_then_a_passed_one_closes_it()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (_, _, _, id) = await ViolationAsync(w, w.A);
        var svc = w.Violations(w.A);
        var v = await w.ViolationAsync(w.A, id);
        await svc.MarkRectifiedAsync(id, v.Version);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => svc.RecheckAsync(id, v.Version, true, null, null));
        v = await w.ViolationAsync(w.A, id);
        await Assert.ThrowsAsync<ValidationException>(() => svc.RecheckAsync(id, v.Version, false, "未整改", null));
        await svc.RecheckAsync(id, v.Version, false, "保护板不全", w.Today.AddDays(3));
        v = await w.ViolationAsync(w.A, id);
        Assert.Equal((ViolationStatus.Open, 1, w.Today.AddDays(3)), (v.Status, v.Rechecks, v.RectifyBy));
        Assert.Single(await w.MessagesAsync(w.A, "装修违章复查未通过"));
        await svc.MarkRectifiedAsync(id, v.Version);
        await svc.RecheckAsync(id, (await w.ViolationAsync(w.A, id)).Version, true, "已全部铺设", null);
        Assert.Equal(ViolationStatus.Closed, (await w.ViolationAsync(w.A, id)).Status);
    }

    [Fact]
    public async Task An_overdue_violation_is_escalated_to_each_manager_once()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var m1 = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgr1", "经理一");
        var m2 = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgr2", "经理二");
        var (_, _, _, id) = await ViolationAsync(w, w.A, days: 1);
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await w.EscalationJob(w.A).RunAsync());     // on the deadline day: not late yet
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await w.EscalationJob(w.A).RunAsync());
        Assert.Equal(0, await w.EscalationJob(w.A).RunAsync());
        var sent = await w.MessagesAsync(w.A, "装修违章逾期未整改");
        Assert.Equal(new[] { m1, m2 }.Order(StringComparer.Ordinal), sent.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(sent, m => Assert.Contains("停工", m.Body));
        Assert.NotNull((await w.ViolationAsync(w.A, id)).EscalatedAt);
        Assert.Equal(0, await w.EscalationJob(w.B).RunAsync());
    }

    [Fact]
    public async Task Stop_tells_the_owner_resume_waits_for_the_violation_to_close_and_the_desk_cannot_stop()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, _, id) = await ViolationAsync(w, w.A);
        var version = (await w.AppAsync(w.A, app)).Version;
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Violations(w.A).StopAsync(app, version, id, "违章未整改"));
        var mgr = w.Violations(w.A, Roles.ProjectManager);
        await mgr.StopAsync(app, version, id, "电梯保护未整改");
        var a = await w.AppAsync(w.A, app);
        Assert.Equal((RenovationStatus.Stopped, (int?)id), (a.Status, a.StopViolationId));
        Assert.Equal(Channel.Sms, Assert.Single(await w.MessagesAsync(w.A, "停工通知")).Channel);
        var notice = await w.Violations(w.A).StopNoticeAsync(app);
        Assert.Equal(("公共区域保护", 1), (notice.ViolationType, notice.PhotoCount));
        Assert.Contains("08:00–12:00", notice.AllowedHours.Zh);

        await Assert.ThrowsAsync<DomainException>(() => mgr.ResumeAsync(app, a.Version));
        Assert.Equal(RenovationStatus.Stopped, (await w.AppAsync(w.A, app)).Status);
        var svc = w.Violations(w.A);
        await svc.MarkRectifiedAsync(id, (await w.ViolationAsync(w.A, id)).Version);
        await svc.RecheckAsync(id, (await w.ViolationAsync(w.A, id)).Version, true, null, null);
        await mgr.ResumeAsync(app, a.Version);
        Assert.Equal(RenovationStatus.Working, (await w.AppAsync(w.A, app)).Status);
        Assert.Single(await w.MessagesAsync(w.A, "复工通知"));
    }

    [Fact]
    public async Task A_deduction_is_proposed_once_per_violation_and_moves_no_money()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, _, id) = await ViolationAsync(w, w.A);
        await Assert.ThrowsAsync<ValidationException>(() => w.Violations(w.A).ProposeDeductionAsync(id, -1m, "x"));
        var dId = await w.Violations(w.A).ProposeDeductionAsync(id, 500m, "电梯轿厢划伤");
        await Assert.ThrowsAsync<DomainException>(() => w.Violations(w.A).ProposeDeductionAsync(id, 200m, "再扣"));
        await using var db = w.W.Db(w.A);
        var d = await db.DepositDeductions.AsNoTracking().SingleAsync();
        Assert.Equal((dId, DeductionStatus.Proposed, 500m, (int?)id, app), (d.Id, d.Status, d.Amount, d.ViolationId, d.ApplicationId));
        Assert.Equal(0, await db.DepositLedger.CountAsync(e => e.Kind == LedgerEntryKind.Deducted));
    }

    [Fact]
    public async Task A_repair_order_for_shared_damage_is_raised_once_and_linked()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (_, _, _, id) = await ViolationAsync(w, w.A);
        var number = await w.Violations(w.A).RaiseRepairAsync(id, (await w.ViolationAsync(w.A, id)).Version, "1栋1单元电梯", "轿厢内壁划伤");
        var v = await w.ViolationAsync(w.A, id);
        var order = await w.W.OrderAsync(w.A, v.RepairOrderId!.Value);
        Assert.Equal((number, "1栋1单元电梯", "装修损坏"), (order.Number, order.CommonArea, order.Category));
        await Assert.ThrowsAsync<DomainException>(() => w.Violations(w.A).RaiseRepairAsync(id, v.Version, "1栋", "再报"));
    }

    [Fact]
    public async Task Another_projects_violation_and_its_photo_are_not_found()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (appB, _, ownerB, idB) = await ViolationAsync(w, w.B);
        var vB = await w.ViolationAsync(w.B, idB);
        var desk = w.Violations(w.A);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.MarkRectifiedAsync(idB, vB.Version));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.RecheckAsync(idB, vB.Version, true, null, null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.ProposeDeductionAsync(idB, 100m, "x"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.RaiseRepairAsync(idB, vB.Version, "电梯", "x"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Violations(w.A, Roles.ProjectManager).StopAsync(appB, 0, idB, "x"));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => desk.StopNoticeAsync(appB));
        int photoB;
        await using (var db = w.W.Db(w.B)) photoB = await db.Attachments.Where(a => a.Kind == AttachmentKind.RenovationViolationPhoto).Select(a => a.Id).SingleAsync();
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.A, Roles.ServiceDesk).ReadAsync(photoB));
        Assert.NotEmpty((await w.Files(w.B, Roles.ServiceDesk).ReadAsync(photoB)).Bytes);
        // The owner sees their own violation photo; another owner of the project does not.
        Assert.NotEmpty((await w.Files(w.B, Roles.Owner, ownerB).ReadAsync(photoB)).Bytes);
        var (_, otherOwner) = await w.W.AddUnitAsync(w.B, "0909", "李娜", "13700137000");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.B, Roles.Owner, otherOwner).ReadAsync(photoB));
        // Patrol photos are for staff only.
        int patrolPhoto;
        await using (var db = w.W.Db(w.B))
        {
            var patrol = await db.RenovationPatrols.Select(p => p.Id).SingleAsync();
            db.Attachments.Add(PropertyCare.Domain.Files.Attachment.Of(AttachmentKind.RenovationPatrolPhoto, patrol, WorksWorld.Photo(), "x", DateTime.UtcNow));
            await db.SaveChangesAsync();
            patrolPhoto = await db.Attachments.Where(a => a.Kind == AttachmentKind.RenovationPatrolPhoto).Select(a => a.Id).SingleAsync();
        }
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Files(w.B, Roles.Owner, ownerB).ReadAsync(patrolPhoto));
    }

    [Fact]
    public async Task The_owner_summary_shows_their_own_application_only()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, owner, _) = await ViolationAsync(w, w.A);
        var s = await w.Portal(w.A, owner).SummaryAsync(app);
        Assert.Single(s.Patrols);
        var v = Assert.Single(s.Violations);
        Assert.Equal(("公共区域保护", 1), (v.Type, v.Photos.Count));
        var (_, other) = await w.W.AddUnitAsync(w.A, "0909", "李娜", "13700137000");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, other).SummaryAsync(app));
    }
}
