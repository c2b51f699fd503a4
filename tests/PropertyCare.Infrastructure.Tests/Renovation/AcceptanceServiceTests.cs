using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Jobs;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Acceptance: pass (application accepted, unit back, refund reminder scheduled and idempotent), fail and re-check,
/// refused while a violation is open or works are stopped — and nothing saved then.</summary>
[Collection(RepairsCollection.Name)]
public class AcceptanceServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_pass_accepts_puts_the_unit_back_and_schedules_the_refund_reminder_which_tells_once()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var desk = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "desk1", "客服一");
        var mgr = await w.W.AddUserAsync(w.A, Roles.ProjectManager, "mgr1", "经理一");
        var (app, unit, _) = await w.WorkingAsync(w.A, "0101");
        Assert.Equal(UnitState.Renovating, await w.UnitStateAsync(w.A, unit));
        var id = await w.Acceptance(w.A).RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(), null, "施工规范", [WorksWorld.Photo()]);

        var a = await w.AppAsync(w.A, app);
        Assert.Equal((RenovationStatus.Accepted, (DateOnly?)w.Today, (DateOnly?)w.Today.AddDays(90)), (a.Status, a.AcceptedOn, a.ObservationEndsOn));
        Assert.Equal(UnitState.Occupied, await w.UnitStateAsync(w.A, unit));
        Assert.Single(await w.MessagesAsync(w.A, "装修验收合格"));
        await using (var db = w.W.Db(w.A))
            Assert.Equal(1, await db.Attachments.CountAsync(x => x.Kind == AttachmentKind.RenovationAcceptancePhoto && x.RecordId == id));
        var scheduler = w.W.App.Provider.GetRequiredService<JobScheduler>();
        Assert.Contains(RenovationAcceptanceRefundReminder.KeyFor(app), scheduler.DelayedJobs(w.A.Id).Keys);

        Assert.Equal(2, await w.Reminder(w.A).RemindAsync(w.A.Id, app, CancellationToken.None));
        Assert.Equal(0, await w.Reminder(w.A).RemindAsync(w.A.Id, app, CancellationToken.None));
        var sent = await w.MessagesAsync(w.A, $"装修保证金待清退 {a.Number}");
        Assert.Equal(new[] { desk, mgr }.Order(StringComparer.Ordinal), sent.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Reminder(w.B).RemindAsync(w.A.Id, app, CancellationToken.None));
    }

    [Fact]
    public async Task A_fail_lists_the_items_and_the_recheck_is_the_next_record()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, unit, _) = await w.WorkingAsync(w.A, "0101");
        var svc = w.Acceptance(w.A);
        var v = (await w.AppAsync(w.A, app)).Version;
        await Assert.ThrowsAsync<ValidationException>(() => svc.RecordAsync(app, v, WorksWorld.AcceptanceAnswers(("防水闭水", "渗漏")), [], null, []));
        await svc.RecordAsync(app, v, WorksWorld.AcceptanceAnswers(("防水闭水", "渗漏")), ["卫生间重做防水"], null, []);
        Assert.Equal(RenovationStatus.Working, (await w.AppAsync(w.A, app)).Status);
        Assert.Equal(UnitState.Renovating, await w.UnitStateAsync(w.A, unit));
        Assert.Single(await w.MessagesAsync(w.A, "装修验收未通过"));
        await svc.RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(), null, null, []);
        var detail = await w.Works(w.A).GetAsync(app);
        Assert.Equal([true, false], detail.Acceptances.Select(x => x.Passed));
    }

    [Fact]
    public async Task Refused_with_an_open_violation_or_stopped_works_and_nothing_is_saved()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, unit, _) = await w.WorkingAsync(w.A, "0101");
        var r = await w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(), null, [], [new ViolationInput("垃圾清运", "楼道堆放垃圾", w.Today, [])]);
        var before = await w.CountsAsync(w.A);
        var svc = w.Acceptance(w.A);
        await Assert.ThrowsAsync<DomainException>(async () => await svc.RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(), null, null, [WorksWorld.Photo()]));
        await w.Violations(w.A, Roles.ProjectManager).StopAsync(app, (await w.AppAsync(w.A, app)).Version, r.ViolationIds[0], "垃圾未清");
        before = await w.CountsAsync(w.A);
        var ex = await Assert.ThrowsAsync<DomainException>(async () => await svc.RecordAsync(app, (await w.AppAsync(w.A, app)).Version, WorksWorld.AcceptanceAnswers(), null, null, [WorksWorld.Photo()]));
        Assert.Contains("停工", ex.Text.Zh);
        Assert.Equal(before, await w.CountsAsync(w.A));
        Assert.Equal(UnitState.Renovating, await w.UnitStateAsync(w.A, unit));
        // A bad photo on a passing acceptance: the acceptance and the unit change are rolled back together.
        var (app2, unit2, _) = await w.WorkingAsync(w.A, "0102");
        before = await w.CountsAsync(w.A);
        await Assert.ThrowsAnyAsync<DomainException>(async () => await svc.RecordAsync(app2, (await w.AppAsync(w.A, app2)).Version, WorksWorld.AcceptanceAnswers(), null, null, [new PhotoUpload("x.png", [1, 2])]));
        Assert.Equal(before, await w.CountsAsync(w.A));
        Assert.Equal(RenovationStatus.Working, (await w.AppAsync(w.A, app2)).Status);
        Assert.Equal(UnitState.Renovating, await w.UnitStateAsync(w.A, unit2));
    }

    [Fact]
    public async Task Another_projects_application_is_not_found()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (appB, _, _) = await w.WorkingAsync(w.B, "0101");
        await Assert.ThrowsAsync<RecordNotFoundException>(async () => await w.Acceptance(w.A).RecordAsync(appB, (await w.AppAsync(w.B, appB)).Version, WorksWorld.AcceptanceAnswers(), null, null, []));
        Assert.Equal(RenovationStatus.Working, (await w.AppAsync(w.B, appB)).Status);
    }
}
