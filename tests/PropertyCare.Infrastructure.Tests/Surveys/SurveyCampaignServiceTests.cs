using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Surveys;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>Campaigns: start targets (all occupied units with an owner / a reproducible sample), invitations and outbox,
/// HQ's company-wide start across the company's projects only, the daily job, templates.</summary>
public class SurveyCampaignServiceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Manager_start_invites_every_occupied_unit_with_an_owner_and_tells_each_owner_once()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u1, o1) = await w.OwnerAsync(w.A, "101");
        var (u2, _) = await w.OwnerAsync(w.A, "102", phone: "12345");
        var (vacant, _) = await w.OwnerAsync(w.A, "103", phone: "13700137000"); // owned but vacant: not asked
        await w.StateAsync(w.A, vacant, UnitState.Vacant);
        await w.UnitAsync(w.A, "104", UnitState.Occupied); // no owner: nobody to ask
        await w.OwnerAsync(w.B, "101");
        var account = await w.PortalAccountAsync(w.A, o1);

        var id = await w.StartedAsync(w.A);

        var c = await w.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Open, c.Status);
        Assert.Equal([u1, u2], (await w.InvitationsAsync(id)).Select(i => i.UnitId));
        Assert.All(await w.InvitationsAsync(id), i => Assert.Equal(w.A.Id, i.ProjectId));
        var sent = await w.OutboxAsync($"survey-{id}-");
        // Owner 1: SMS and in-app; owner 2's phone is not valid: no SMS, and no portal account.
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent, m => m.Channel == Channel.Sms && m.Recipient == "13800138000" && m.Body.Contains($"/my/surveys/{id}"));
        Assert.Contains(sent, m => m.Channel == Channel.InApp && m.Recipient == account);

        // A second run (the job) invites nobody again and sends nothing twice; a second start is refused.
        var run = await w.Job(w.A).RunAsync();
        Assert.Equal(0, run.Invited);
        Assert.Equal(2, (await w.OutboxAsync($"survey-{id}-")).Count);
        await Assert.ThrowsAsync<IllegalStepException>(() => w.Manager(w.A).StartAsync(id, c.Version));
    }

    [Fact]
    public async Task Sample_invites_the_share_drawn_from_the_recorded_seed()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var units = new List<int>();
        for (var i = 0; i < 10; i++) units.Add((await w.OwnerAsync(w.A, $"2{i:00}")).UnitId);
        var id = await w.StartedAsync(w.A, SurveyWorld.Draft(target: SurveyTarget.Sample, percent: 30));
        var c = await w.CampaignAsync(id);
        var invited = (await w.InvitationsAsync(id)).Select(i => i.UnitId).ToList();
        Assert.Equal(3, invited.Count);
        Assert.Equal(SurveySample.Draw(units, SurveyTarget.Sample, 30, c.Seed, w.A.Id), invited);
    }

    [Fact]
    public async Task Hq_company_wide_start_invites_its_company_projects_only()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (a, _) = await w.OwnerAsync(w.A, "101");
        var (a2, _) = await w.OwnerAsync(w.A2, "101");
        await w.OwnerAsync(w.B, "101");
        var id = await w.Hq(w.A).CreateAsync(SurveyWorld.Draft());
        Assert.Null((await w.CampaignAsync(id)).ProjectId);
        Assert.Equal(2, await w.Hq(w.A).StartAsync(id, (await w.CampaignAsync(id)).Version));
        var inv = await w.InvitationsAsync(id);
        Assert.Equal([(w.A.Id, a), (w.A2.Id, a2)], inv.Select(i => (i.ProjectId, i.UnitId)).OrderBy(x => x.ProjectId));
        // The company's campaign shows in the project's list (read-only), not in company B's.
        Assert.Contains((await w.Manager(w.A2).ListAsync(1, 20)).Items, r => r.Id == id && r.IsCompanyWide && r.Invited == 1);
        Assert.DoesNotContain((await w.Manager(w.B).ListAsync(1, 20)).Items, r => r.Id == id);
        var v = (await w.CampaignAsync(id)).Version;
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Manager(w.A).CloseAsync(id, v));
    }

    [Fact]
    public async Task Daily_job_starts_due_drafts_reminds_non_responders_and_closes_after_the_closing_day()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u1, o1) = await w.OwnerAsync(w.A, "101");
        var (u2, _) = await w.OwnerAsync(w.A, "102", "13900139000");
        var id = await w.Manager(w.A).CreateAsync(SurveyWorld.Draft(opens: SurveyWorld.Today.AddDays(1), closes: SurveyWorld.Today.AddDays(5), remind: 2));
        Assert.Equal(0, (await w.Job(w.A).RunAsync()).Started);
        Assert.Equal(CampaignStatus.Draft, (await w.CampaignAsync(id)).Status);

        w.W.Clock.Advance(TimeSpan.FromDays(1));
        var run = await w.Job(w.A).RunAsync();
        Assert.Equal((1, 2), (run.Started, run.Invited));
        await w.Portal(w.A, o1).AnswerAsync(id, u1, null, [5, 4, null], null);

        w.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await w.Job(w.A).RunAsync()).Reminded);
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await w.Job(w.A).RunAsync()).Reminded);
        Assert.Equal(0, (await w.Job(w.A).RunAsync()).Reminded);
        var reminders = (await w.OutboxAsync($"survey-{id}-unit")).Where(m => m.DedupKey.Contains("remind")).ToList();
        Assert.Single(reminders);
        Assert.Equal("13900139000", reminders[0].Recipient);
        Assert.Equal(1, (await w.InvitationsAsync(id)).Single(i => i.UnitId == u2).Reminders);

        w.W.Clock.Advance(TimeSpan.FromDays(3)); // the day after the closing day
        Assert.Equal(1, (await w.Job(w.A).RunAsync()).Closed);
        Assert.Equal(CampaignStatus.Closed, (await w.CampaignAsync(id)).Status);
    }

    [Fact]
    public async Task Company_wide_draft_is_started_by_any_project_job_and_each_project_invites_its_own()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        await w.OwnerAsync(w.A, "101");
        await w.OwnerAsync(w.A2, "101");
        // Saved to open today: still being written — the job leaves it to be started by hand.
        var today = await w.Hq(w.A).CreateAsync(SurveyWorld.Draft("今天开始的草稿"));
        Assert.Equal(0, (await w.Job(w.A2).RunAsync()).Started);
        Assert.Equal(CampaignStatus.Draft, (await w.CampaignAsync(today)).Status);
        // Saved to open tomorrow: the job starts it on that day.
        var id = await w.Hq(w.A).CreateAsync(SurveyWorld.Draft(opens: SurveyWorld.Today.AddDays(1)));
        Assert.Equal(0, (await w.Job(w.A2).RunAsync()).Started);
        w.W.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await w.Job(w.A2).RunAsync()).Started);
        Assert.Equal([w.A2.Id], (await w.InvitationsAsync(id)).Select(i => i.ProjectId));
        var run = await w.Job(w.A).RunAsync();
        Assert.Equal((0, 1), (run.Started, run.Invited));
        Assert.Equal(0, (await w.Job(w.B).RunAsync()).Invited);
        Assert.Equal(2, (await w.InvitationsAsync(id)).Count);
        Assert.Empty(await w.InvitationsAsync(today));
    }

    [Fact]
    public async Task Edit_only_in_draft_with_the_version_and_nothing_saved_on_error()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var id = await w.Manager(w.A).CreateAsync(SurveyWorld.Draft());
        var v = (await w.CampaignAsync(id)).Version;
        await Assert.ThrowsAsync<ValidationException>(() => w.Manager(w.A).EditAsync(id, v, SurveyWorld.Draft("", closes: SurveyWorld.Today.AddDays(-1))));
        await w.Manager(w.A).EditAsync(id, v, SurveyWorld.Draft("改名"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Manager(w.A).EditAsync(id, v, SurveyWorld.Draft("旧版本")));
        Assert.Equal("改名", (await w.CampaignAsync(id)).Title);
    }

    [Fact]
    public async Task Templates_are_hqs_for_the_company_and_the_managers_for_the_project()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var company = await w.Templates(w.A, Roles.HqAuditor).SaveAsync(true, null, 0, "标准问卷", SurveyItem.Standard());
        var project = await w.Templates(w.A, Roles.ProjectManager).SaveAsync(false, null, 0, "一期问卷", SurveyWorld.Three());
        await w.Templates(w.A2, Roles.ProjectManager).SaveAsync(false, null, 0, "二期问卷", SurveyWorld.Three());
        Assert.Equal(["标准问卷", "一期问卷"], (await w.Templates(w.A, Roles.ProjectManager).ListAsync(false)).Select(t => t.Name));
        Assert.Equal(["标准问卷"], (await w.Templates(w.A, Roles.HqAuditor).ListAsync(true)).Select(t => t.Name));
        Assert.Empty(await w.Templates(w.B, Roles.HqAuditor).ListAsync(true));
        await Assert.ThrowsAsync<ValidationException>(() => w.Templates(w.A, Roles.HqAuditor).SaveAsync(true, null, 0, "空", []));
        // Another project's or the company's template cannot be edited by a manager; HQ of company B cannot touch A's.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Templates(w.A2, Roles.ProjectManager).SaveAsync(false, project, 1, "改", SurveyWorld.Three()));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Templates(w.A, Roles.ProjectManager).SaveAsync(false, company, 1, "改", SurveyWorld.Three()));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Templates(w.B, Roles.HqAuditor).SaveAsync(true, company, 1, "改", SurveyWorld.Three()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Templates(w.A, Roles.ServiceDesk).SaveAsync(false, null, 0, "客服", SurveyWorld.Three()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Templates(w.A, Roles.ProjectManager).SaveAsync(true, null, 0, "冒充总部", SurveyWorld.Three()));
    }
}
