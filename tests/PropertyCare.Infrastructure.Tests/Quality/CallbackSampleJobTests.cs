using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Quality;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Quality;

/// <summary>The weekly 抽访 draw on the database: last week's answered callbacks (not the week before, not this week), every
/// unsatisfied one in, reproducible from the recorded seed, once per project and week (re-run, concurrent run), the
/// project's answer copied and never changed by later edits, HQ told once.</summary>
[Collection(RepairsCollection.Name)]
public class CallbackSampleJobTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>12 repair callbacks in the week (one unsatisfied), one complaint callback in the week, one repair the week
    /// before and one this week (both outside).</summary>
    private static async Task<(int Unsatisfied, int Complaint, int Before, int After)> WeekAsync(QualityWorld w)
    {
        var before = await w.RepairCalledBackAsync(w.A, new DateTime(2026, 11, 15, 23, 30, 0), Satisfaction.Satisfied);
        var unsatisfied = 0;
        for (var i = 0; i < 12; i++)
        {
            var id = await w.RepairCalledBackAsync(w.A, new DateTime(2026, 11, 17 + i % 5, 10 + i % 8, 0, 0), i == 5 ? Satisfaction.Dissatisfied : Satisfaction.Satisfied, i);
            if (i == 5) unsatisfied = id;
        }
        var complaint = await w.ComplaintCalledBackAsync(new DateTime(2026, 11, 22, 23, 0, 0), Satisfaction.Satisfied);
        var after = await w.RepairCalledBackAsync(w.A, new DateTime(2026, 11, 23, 0, 30, 0), Satisfaction.Satisfied);
        return (unsatisfied, complaint, before, after);
    }

    [Fact]
    public async Task Draws_last_weeks_callbacks_with_every_unsatisfied_one_reproducibly_and_once()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var (unsatisfied, complaint, before, after) = await WeekAsync(w);
        w.MondayMorning();
        var drawn = await w.SampleJob().RunAsync();
        // 13 in the week: 10 % → 2, at least 3; the unsatisfied one plus 2 at random.
        Assert.Equal(3, drawn);
        await using var db = w.Db(w.A);
        var sample = await db.CallbackSamples.SingleAsync();
        Assert.Equal(QualityWorld.Week, sample.WeekStart);
        Assert.Equal(13, sample.Population);
        var audits = await db.CallbackAudits.AsNoTracking().ToListAsync();
        Assert.Equal(3, audits.Count);
        Assert.Contains(audits, a => a.Source == SampleSource.Repair && a.SourceId == unsatisfied && a.Reason == SampleReason.Unsatisfied
            && a.ProjectSatisfaction == Satisfaction.Dissatisfied && a.ProjectRemarks == "还在漏" && a.ProjectCalledBy == "客服小李");
        Assert.DoesNotContain(audits, a => a.Source == SampleSource.Repair && (a.SourceId == before || a.SourceId == after));
        Assert.All(audits, a => Assert.Equal(AuditStatus.Pending, a.Status));

        // Reproducible: the recorded seed and rule redraw the same items from the same candidates.
        var (from, to) = SampleWeek.RangeUtc(PropertyCare.Infrastructure.Repairs.ProjectClock.For(w.W.Clock, w.A), QualityWorld.Week);
        var candidates = await SampleCandidates.ForWeekAsync(db, from, to, default);
        Assert.Equal(13, candidates.Count);
        Assert.Contains(candidates, c => c.Candidate.Source == SampleSource.Complaint && c.Candidate.SourceId == complaint);
        var again = SampleDraw.Draw(candidates.Select(c => c.Candidate), new SampleRule(sample.SharePercent, sample.Minimum), sample.Seed);
        Assert.Equal(again.Select(x => (x.Candidate.Source, x.Candidate.SourceId, x.Reason)).OrderBy(x => x),
            audits.Select(a => (a.Source, a.SourceId, a.Reason)).OrderBy(x => x));

        // HQ of the company told once; a second run (and a run later that day) changes nothing.
        var messages = await w.W.MessagesAsync(w.A);
        Assert.Single(messages, m => m.Recipient == w.HqA && m.Channel == Channel.InApp);
        Assert.DoesNotContain(messages, m => m.Recipient == w.HqB);
        Assert.Equal(0, await w.SampleJob().RunAsync());
        w.W.SetLocal(new DateTime(2026, 11, 23, 18, 0, 0));
        Assert.Equal(0, await w.SampleJob().RunAsync());
        await using var db2 = w.Db(w.A);
        Assert.Equal(1, await db2.CallbackSamples.CountAsync());
        Assert.Equal(3, await db2.CallbackAudits.CountAsync());
        Assert.Equal(messages.Count, (await w.W.MessagesAsync(w.A)).Count);
    }

    [Fact]
    public async Task A_concurrent_second_run_saves_nothing_and_the_first_draw_stands()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        await WeekAsync(w);
        w.MondayMorning();
        var first = w.SampleJob();
        var inner = -1;
        // The second run starts and finishes between the first one's reading and saving.
        first.BeforeSave = async () => { first.BeforeSave = null; inner = await w.SampleJob().RunAsync(); };
        var outer = await first.RunAsync();
        Assert.Equal(3, inner);
        Assert.Equal(0, outer);
        await using var db = w.Db(w.A);
        Assert.Equal(1, await db.CallbackSamples.CountAsync());
        Assert.Equal(3, await db.CallbackAudits.CountAsync());
        Assert.Single(await w.W.MessagesAsync(w.A), m => m.Recipient == w.HqA);
    }

    [Fact]
    public async Task The_snapshot_keeps_the_projects_answer_when_the_project_edits_it_afterwards()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var (unsatisfied, _, _, _) = await WeekAsync(w);
        w.MondayMorning();
        await w.SampleJob().RunAsync();
        await using (var db = w.Db(w.A))
            await db.Callbacks.Where(c => c.RepairOrderId == unsatisfied)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Satisfaction, Satisfaction.VerySatisfied).SetProperty(c => c.Remarks, "改成了非常满意"));
        await using var db2 = w.Db(w.A);
        var a = await db2.CallbackAudits.AsNoTracking().SingleAsync(x => x.SourceId == unsatisfied && x.Source == SampleSource.Repair);
        Assert.Equal(Satisfaction.Dissatisfied, a.ProjectSatisfaction);
        Assert.Equal("还在漏", a.ProjectRemarks);
        var sheet = await w.Hq().CallSheetAsync(a.Id);
        Assert.Equal(Satisfaction.Dissatisfied, sheet.Audit.ProjectSatisfaction);
    }

    [Fact]
    public async Task Uses_the_companys_settings_and_an_empty_week_is_recorded_without_telling_hq()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        await WeekAsync(w);
        await w.As(Domain.Access.Roles.HqAuditor, w.A, w.HqA).GetRequiredService<QualitySettingsService>().SaveAsync(50, 1, 5, 0);
        w.MondayMorning();
        Assert.Equal(7, await w.SampleJob().RunAsync()); // 13 × 50 % = 6.5 → 7
        Assert.Equal(0, await w.SampleJob(w.A2).RunAsync()); // nothing called back in A2
        await using var db = w.Db(w.A2);
        var empty = await db.CallbackSamples.SingleAsync();
        Assert.Equal(0, empty.Population);
        Assert.Empty(await db.OutboxMessages.ToListAsync());
    }

    [Fact]
    public async Task An_escalated_or_reworked_repair_and_an_unsatisfied_complaint_are_always_drawn_with_their_reason()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        var ids = new List<int>();
        for (var i = 0; i < 20; i++) ids.Add(await w.RepairCalledBackAsync(w.A, new DateTime(2026, 11, 18, 8 + i % 10, 0, 0), Satisfaction.Satisfied, i, escalated: i == 7));
        var complaint = await w.ComplaintCalledBackAsync(new DateTime(2026, 11, 20, 15, 0, 0), Satisfaction.Dissatisfied);
        w.MondayMorning();
        Assert.Equal(3, await w.SampleJob().RunAsync()); // 21 × 10 % → 3 (min 3), the 2 mandatory count towards it: 1 random
        await using var db = w.Db(w.A);
        var audits = await db.CallbackAudits.AsNoTracking().ToListAsync();
        Assert.Contains(audits, a => a.Source == SampleSource.Repair && a.SourceId == ids[7] && a.Reason == SampleReason.Escalated);
        Assert.Contains(audits, a => a.Source == SampleSource.Complaint && a.SourceId == complaint && a.Reason == SampleReason.Unsatisfied
            && a.ProjectSatisfaction == Satisfaction.Dissatisfied && a.ProjectRemarks == "还是没修好");
        Assert.Equal(1, audits.Count(a => a.Reason == SampleReason.Random));
    }

    [Fact]
    public async Task Refuses_a_week_that_has_not_ended()
    {
        await using var w = await QualityWorld.CreateAsync(Provider);
        w.W.SetLocal(new DateTime(2026, 11, 22, 23, 0, 0));
        await Assert.ThrowsAsync<Domain.Common.DomainException>(() => w.SampleJob().DrawAsync(QualityWorld.Week));
    }
}
