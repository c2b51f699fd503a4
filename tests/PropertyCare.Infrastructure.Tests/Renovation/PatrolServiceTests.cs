using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Renovation;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Renovation;

/// <summary>Recording a patrol with its photos and violations in one transaction, the worklist, and the daily patrol job.</summary>
[Collection(RepairsCollection.Name)]
public class PatrolServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_patrol_with_photos_and_a_violation_is_saved_whole_and_the_owner_is_told()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, _) = await w.WorkingAsync(w.A, "0101");
        var r = await w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(("噪音", "午休时间电钻")), "现场有两名工人",
            [WorksWorld.Photo(), WorksWorld.Photo("门口.png")], [new ViolationInput("噪音", "12:30 使用电钻", w.Today.AddDays(2), [WorksWorld.Photo("违章.png")])]);

        var v = await w.ViolationAsync(w.A, Assert.Single(r.ViolationIds));
        Assert.Equal(r.PatrolId, v.PatrolId);
        Assert.Equal(ViolationStatus.Open, v.Status);
        await using var db = w.W.Db(w.A);
        Assert.Equal(2, await db.Attachments.CountAsync(a => a.Kind == AttachmentKind.RenovationPatrolPhoto && a.RecordId == r.PatrolId));
        Assert.Equal(1, await db.Attachments.CountAsync(a => a.Kind == AttachmentKind.RenovationViolationPhoto && a.RecordId == v.Id));
        var sms = Assert.Single(await w.MessagesAsync(w.A, "装修违章整改通知"));
        Assert.Equal(Channel.Sms, sms.Channel);
        Assert.Contains("12:30 使用电钻", sms.Body);

        var detail = await w.Works(w.A).GetAsync(app);
        Assert.Equal(2, Assert.Single(detail.Patrols).Photos.Count);
        Assert.Equal(1, detail.OpenViolations);
        Assert.Equal(w.Today.AddDays(3), detail.NextPatrolDue);
    }

    [Fact]
    public async Task A_bad_violation_or_a_bad_photo_saves_nothing()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (app, _, _) = await w.WorkingAsync(w.A, "0101");
        var before = await w.CountsAsync(w.A);
        await Assert.ThrowsAsync<ValidationException>(() => w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(), null, [WorksWorld.Photo()],
            [new ViolationInput("噪音", "电钻", w.Today.AddDays(-1), [])]));
        await Assert.ThrowsAnyAsync<DomainException>(() => w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(), null, [WorksWorld.Photo()],
            [new ViolationInput("噪音", "电钻", w.Today.AddDays(1), [new PhotoUpload("病毒.png", [1, 2, 3, 4])])]));
        await Assert.ThrowsAsync<ValidationException>(() => w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(("防水", " ")), null, [], []));
        Assert.Equal(before, await w.CountsAsync(w.A));
    }

    [Fact]
    public async Task Another_projects_application_is_not_found_and_an_auditor_cannot_patrol()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (appB, _, _) = await w.WorkingAsync(w.B, "0101");
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Patrols(w.A).RecordAsync(appB, WorksWorld.PatrolAnswers(), null, [], []));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Works(w.A).GetAsync(appB));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            ((PropertyCare.Infrastructure.Renovation.RenovationPatrolService)w.W.As(Roles.HqAuditor, w.B, "u-hq", "总部").GetService(typeof(RenovationPatrolService))!)
            .RecordAsync(appB, WorksWorld.PatrolAnswers(), null, [], []));
    }

    [Fact]
    public async Task The_worklist_puts_overdue_first_pages_and_stays_in_its_project()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var (a1, _, _) = await w.WorkingAsync(w.A, "0101");
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        var (a2, _, _) = await w.WorkingAsync(w.A, "0102");
        var (a3, _, _) = await w.WorkingAsync(w.A, "0103");
        await w.WorkingAsync(w.B, "0101");
        await w.Patrols(w.A).RecordAsync(a3, WorksWorld.PatrolAnswers(), null, [], []);
        w.W.Clock.Advance(TimeSpan.FromDays(4)); // a1 due on day 3, a2 on day 4, a3 on day 4 (patrolled day 1)
        var page = await w.Patrols(w.A).WorklistAsync(1, 2);
        Assert.Equal(3, page.Total);
        Assert.Equal([a1, a2], page.Items.Select(r => r.ApplicationId));
        Assert.Equal(2, page.Items[0].DaysOverdue);
        Assert.True(page.Items.All(r => r.Due));
        var second = await w.Patrols(w.A).WorklistAsync(2, 2);
        Assert.Equal(a3, Assert.Single(second.Items).ApplicationId);
        Assert.NotNull(second.Items[0].LastPatrolOn);
    }

    [Fact]
    public async Task The_daily_job_tells_each_desk_member_once_per_due_date_across_reruns()
    {
        await using var w = await WorksWorld.CreateAsync(Provider);
        var d1 = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "desk1", "客服一");
        var d2 = await w.W.AddUserAsync(w.A, Roles.ServiceDesk, "desk2", "客服二");
        var (app, _, _) = await w.WorkingAsync(w.A, "0101");
        Assert.Equal(0, await w.DueJob(w.A).RunAsync());          // permit today, due in 3 days
        w.W.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await w.DueJob(w.A).RunAsync());
        Assert.Equal(0, await w.DueJob(w.A).RunAsync());           // a re-run the same day
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await w.DueJob(w.A).RunAsync());           // still the same due date, now overdue: not again
        var sent = await w.MessagesAsync(w.A, "装修巡查到期");
        Assert.Equal(new[] { d1, d2 }.Order(StringComparer.Ordinal), sent.Select(m => m.Recipient).Order(StringComparer.Ordinal));

        await w.Patrols(w.A).RecordAsync(app, WorksWorld.PatrolAnswers(), null, [], []);
        Assert.Equal(0, await w.DueJob(w.A).RunAsync());
        w.W.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await w.DueJob(w.A).RunAsync());            // the next due date is a new reminder
        Assert.Equal(4, (await w.MessagesAsync(w.A, "装修巡查到期")).Count);
        Assert.Empty(await w.MessagesAsync(w.B, "装修巡查到期"));
    }
}
