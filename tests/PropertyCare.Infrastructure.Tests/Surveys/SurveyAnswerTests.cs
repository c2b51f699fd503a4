using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;

namespace PropertyCare.Infrastructure.Tests.Surveys;

/// <summary>Answers: one per unit (also when two arrive at once), changeable while open only, the phone interview, and
/// the attacks (another owner's unit, another project's or company's campaign, the desk on manage methods).</summary>
public class SurveyAnswerTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Owner_answers_once_per_unit_and_changes_it_while_open()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u, o) = await w.OwnerAsync(w.A, "101");
        var id = await w.StartedAsync(w.A);

        var mine = Assert.Single(await w.Portal(w.A, o).MineAsync());
        Assert.Equal((id, true, 1, 0), (mine.CampaignId, mine.TakesAnswers, mine.Units, mine.Answered));
        await w.Portal(w.A, o).AnswerAsync(id, u, null, [5, 3, null], "  楼道很干净 ");
        var ex = await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, o).AnswerAsync(id, u, null, [1, 1, 1], null));
        Assert.Contains("刷新", ex.Text.Zh);
        var answer = (await w.Portal(w.A, o).GetAsync(id)).Units.Single().Answer!;
        Assert.Equal([5, 3, null], answer.Scores);
        Assert.Equal("楼道很干净", answer.Comment);
        await w.Portal(w.A, o).AnswerAsync(id, u, answer.Version, [4, 4, 4], null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => w.Portal(w.A, o).AnswerAsync(id, u, answer.Version, [2, 2, 2], null));
        var r = Assert.Single(await w.ResponsesAsync(id));
        Assert.Equal([4, 4, 4], r.Scores);
        Assert.Equal(ResponseChannel.Portal, r.Channel);
        Assert.Equal(1, (await w.Portal(w.A, o).MineAsync()).Single().Answered);
    }

    [Fact]
    public async Task Two_first_answers_at_once_leave_one_row_and_the_other_is_told_to_reload()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u, o) = await w.OwnerAsync(w.A, "101");
        var id = await w.StartedAsync(w.A);
        for (var round = 0; round < 3; round++)
        {
            if (round > 0)
            {
                // Start over on a fresh unit each round.
                (u, o) = await w.OwnerAsync(w.A, $"20{round}");
                await w.Job(w.A).RunAsync();
            }
            // Six at once — the owner in the portal (on two phones) and the desk on the phone — so that several pass the
            // "no answer yet" check together and the unique index has to decide.
            var unit = u;
            var senders = new List<Func<Task>>();
            for (var k = 0; k < 3; k++)
            {
                var portal = w.Portal(w.A, o);
                var desk = w.Interview(w.A);
                senders.Add(() => portal.AnswerAsync(id, unit, null, [5, 5, 5], null));
                senders.Add(() => desk.RecordAsync(id, unit, null, [1, 1, 1], "电话"));
            }
            var go = new TaskCompletionSource();
            var tasks = senders.Select(send => Task.Run(async () => { await go.Task; await send(); })).ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(tasks.Select(async t => { try { await t; return (Exception?)null; } catch (Exception e) { return e; } }));
            Assert.Single(outcomes, e => e == null);
            Assert.All(outcomes.Where(e => e != null), e => Assert.Contains("刷新", Assert.IsType<DomainException>(e).Text.Zh));
            Assert.Single(await w.ResponsesAsync(id), x => x.UnitId == u);
        }
    }

    [Fact]
    public async Task Closed_or_past_the_closing_day_refuses_answers_and_changes()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u, o) = await w.OwnerAsync(w.A, "101");
        var (u2, o2) = await w.OwnerAsync(w.A, "102");
        var id = await w.StartedAsync(w.A, SurveyWorld.Draft(closes: SurveyWorld.Today.AddDays(1)));
        await w.Portal(w.A, o).AnswerAsync(id, u, null, [3, 3, 3], null);
        w.W.Clock.Advance(TimeSpan.FromDays(2)); // the day after the closing day, before the job closed it
        var v = (await w.ResponsesAsync(id)).Single().Version;
        await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, o).AnswerAsync(id, u, v, [5, 5, 5], null));
        await Assert.ThrowsAsync<DomainException>(() => w.Portal(w.A, o2).AnswerAsync(id, u2, null, [5, 5, 5], null));
        Assert.False((await w.Portal(w.A, o).GetAsync(id)).TakesAnswers);
        await w.Manager(w.A).CloseAsync(id, (await w.CampaignAsync(id)).Version);
        await Assert.ThrowsAsync<DomainException>(() => w.Interview(w.A).RecordAsync(id, u2, null, [5, 5, 5], null));
        Assert.Equal([3, 3, 3], (await w.ResponsesAsync(id)).Single().Scores);
    }

    [Fact]
    public async Task Desk_records_a_phone_interview_marked_as_such()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u, o) = await w.OwnerAsync(w.A, "101");
        await w.OwnerAsync(w.A, "102");
        var id = await w.StartedAsync(w.A);
        var list = await w.Interview(w.A).UnitsAsync(id, false, 1, 20);
        Assert.Equal(2, list.Total);
        Assert.Equal("业主101", list.Items[0].OwnerName);
        Assert.DoesNotContain("13800138000", list.Items[0].MaskedPhone);
        await w.Interview(w.A).RecordAsync(id, u, null, [4, null, 2], "电话回访：维修慢");
        var r = Assert.Single(await w.ResponsesAsync(id));
        Assert.Equal((ResponseChannel.PhoneInterview, "客服小李", o), (r.Channel, r.RecordedByName, r.OwnerId));
        Assert.Equal(1, (await w.Interview(w.A).UnitsAsync(id, true, 1, 20)).Total);
        // The owner sees it and can still change it while open.
        var mine = (await w.Portal(w.A, o).GetAsync(id)).Units.Single().Answer!;
        Assert.Equal(ResponseChannel.PhoneInterview, mine.Channel);
        await w.Portal(w.A, o).AnswerAsync(id, u, mine.Version, [5, 5, 5], null);

        // Now it is the owner's own answer: the desk (whose work it grades) sees only that it was answered online, and
        // cannot "interview" over it, even with the right version.
        var row = (await w.Interview(w.A).UnitsAsync(id, false, 1, 20)).Items.Single(x => x.UnitId == u);
        Assert.Equal(ResponseChannel.Portal, row.Answer!.Channel);
        Assert.Empty(row.Answer.Scores);
        Assert.Null(row.Answer.Comment);
        var current = Assert.Single(await w.ResponsesAsync(id));
        var refused = await Assert.ThrowsAsync<DomainException>(() => w.Interview(w.A).RecordAsync(id, u, current.Version, [1, 1, 1], "改"));
        Assert.Contains("业主已在业主端自行作答", refused.Text.Zh);
        Assert.Equal([5, 5, 5], Assert.Single(await w.ResponsesAsync(id)).Scores);
    }

    [Fact]
    public async Task Owner_cannot_answer_for_another_unit_or_another_projects_campaign()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u, o) = await w.OwnerAsync(w.A, "101");
        var (other, _) = await w.OwnerAsync(w.A, "102");
        var (b, ob) = await w.OwnerAsync(w.B, "101");
        var (a2, oa2) = await w.OwnerAsync(w.A2, "101");
        var id = await w.StartedAsync(w.A);
        var idB = await w.StartedAsync(w.B);
        var idA2 = await w.StartedAsync(w.A2);
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, o).AnswerAsync(id, other, null, [5, 5, 5], null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, o).AnswerAsync(idB, u, null, [5, 5, 5], null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, o).AnswerAsync(idA2, u, null, [5, 5, 5], null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A, o).GetAsync(idB));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.B, ob).AnswerAsync(id, u, null, [5, 5, 5], null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Portal(w.A2, oa2).AnswerAsync(id, a2, null, [5, 5, 5], null));
        Assert.Single(await w.Portal(w.A, o).MineAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ServiceDesk, w.A).GetRequiredService<Infrastructure.Surveys.PortalSurveyService>().MineAsync());
        Assert.Empty(await w.ResponsesAsync(id));
        Assert.Empty(await w.ResponsesAsync(idB));
    }

    [Fact]
    public async Task Manager_of_another_project_and_hq_of_another_company_find_nothing_and_the_desk_is_refused()
    {
        await using var w = await SurveyWorld.CreateAsync(Provider);
        var (u, _) = await w.OwnerAsync(w.A, "101");
        var id = await w.StartedAsync(w.A);
        var v = (await w.CampaignAsync(id)).Version;
        var hqA = await w.Hq(w.A).CreateAsync(SurveyWorld.Draft("总部调查"));

        // Manager of A2 (same company) on A's campaign.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Manager(w.A2).GetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Manager(w.A2).CloseAsync(id, v));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Results(w.A2).GetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Interview(w.A2).RecordAsync(id, u, null, [5, 5, 5], null));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Manager(w.A2).GetAsync(hqA)); // HQ's draft is not shown yet
        // HQ of company B on company A's campaigns.
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Hq(w.B).GetAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Hq(w.B).StartAsync(hqA, 0));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.Hq(w.B).InviteAllAsync(hqA));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.HqResults(w.B).ResultsAsync(id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => w.HqResults(w.B).CommentsAsync(id, 1, 10));
        Assert.Empty((await w.Hq(w.B).ListAsync(1, 20)).Items);
        // HQ writes only its own records: the project's campaign is the manager's.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Hq(w.A).CloseAsync(id, v));
        // The desk and the manager on methods that are not theirs.
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Manager(w.A, Roles.ServiceDesk).CreateAsync(SurveyWorld.Draft()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Manager(w.A, Roles.ServiceDesk).CloseAsync(id, v));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Results(w.A, Roles.ServiceDesk).GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ProjectManager, w.A).GetRequiredService<Infrastructure.Surveys.HqSurveyService>().CreateAsync(SurveyWorld.Draft()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.W.As(Roles.ServiceDesk, w.A).GetRequiredService<Infrastructure.Surveys.HqSurveyQueries>().ResultsAsync(id));
        Assert.Equal(CampaignStatus.Open, (await w.CampaignAsync(id)).Status);
    }
}
