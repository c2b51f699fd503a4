using PropertyCare.Domain.Common;
using PropertyCare.Domain.Surveys;

namespace PropertyCare.Domain.Tests.Surveys;

public class SurveyCampaignTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Open = new(2026, 11, 23), Close = new(2026, 11, 30);

    public static CampaignDraft Draft(string title = "2026 年四季度满意度调查", SurveyTarget target = SurveyTarget.AllOccupied, int percent = 100,
        DateOnly? opens = null, DateOnly? closes = null, int remind = 3, List<SurveyItem>? items = null) =>
        new(title, null, items ?? SurveyItem.Standard(), target, percent, opens ?? Open, closes ?? Close, remind);

    private static SurveyCampaign New(CampaignDraft? d = null) => SurveyCampaign.Create(1, null, d ?? Draft(), 42, "u-hq", "总部", Now);

    [Fact]
    public void Create_keeps_the_draft_and_the_seed()
    {
        var c = New(Draft("  四季度  ", SurveyTarget.Sample, 30));
        Assert.Equal("四季度", c.Title);
        Assert.Equal(CampaignStatus.Draft, c.Status);
        Assert.Equal(30, c.SamplePercent);
        Assert.Equal(42, c.Seed);
        Assert.Equal(8, c.Items.Count);
        Assert.True(c.IsCompanyWide);
    }

    [Theory]
    [InlineData("", SurveyTarget.AllOccupied, 100, 0, 3, "Title")]
    [InlineData("x", SurveyTarget.Sample, 0, 0, 3, "SamplePercent")]
    [InlineData("x", SurveyTarget.Sample, 101, 0, 3, "SamplePercent")]
    [InlineData("x", SurveyTarget.AllOccupied, 100, -1, 3, "ClosesOn")]
    [InlineData("x", SurveyTarget.AllOccupied, 100, 0, 31, "ReminderEveryDays")]
    [InlineData("x", SurveyTarget.AllOccupied, 100, 0, -1, "ReminderEveryDays")]
    public void Create_refuses_invalid_drafts(string title, SurveyTarget target, int percent, int closeShift, int remind, string field)
    {
        var ex = Assert.Throws<ValidationException>(() => New(Draft(title, target, percent, Open, Open.AddDays(closeShift), remind)));
        Assert.Contains(ex.Errors, e => e.Field == field);
    }

    [Fact]
    public void Create_refuses_a_long_title_and_an_empty_questionnaire()
    {
        Assert.Contains(Assert.Throws<ValidationException>(() => New(Draft(new string('调', 101)))).Errors, e => e.Field == "Title");
        Assert.Contains(Assert.Throws<ValidationException>(() => New(Draft(items: []))).Errors, e => e.Field == "Items");
        // A one-day survey is fine; so are 0 and 30 reminder days and 1 % / 100 %.
        New(Draft(opens: Open, closes: Open, remind: 0));
        New(Draft(target: SurveyTarget.Sample, percent: 1, remind: 30));
        New(Draft(target: SurveyTarget.Sample, percent: 100));
    }

    [Fact]
    public void Draft_is_edited_then_started_then_closed_and_nothing_else()
    {
        var c = New();
        c.Edit(Draft("改名"));
        Assert.Equal("改名", c.Title);
        Assert.Throws<IllegalStepException>(() => c.Close(Now));
        c.Start(Now);
        Assert.Equal(CampaignStatus.Open, c.Status);
        Assert.Equal(Now, c.StartedAt);
        Assert.Throws<IllegalStepException>(() => c.Edit(Draft("再改")));
        Assert.Throws<IllegalStepException>(() => c.Start(Now));
        c.Close(Now.AddDays(1));
        Assert.Equal(CampaignStatus.Closed, c.Status);
        Assert.Throws<IllegalStepException>(() => c.Close(Now));
        Assert.Throws<IllegalStepException>(() => c.Start(Now));
    }

    [Fact]
    public void Edit_with_errors_changes_nothing()
    {
        var c = New();
        Assert.Throws<ValidationException>(() => c.Edit(Draft("新名", closes: Open.AddDays(-1))));
        Assert.Equal("2026 年四季度满意度调查", c.Title);
    }

    [Fact]
    public void Due_days_and_coverage()
    {
        var c = New();
        Assert.False(c.StartDue(Open.AddDays(-1), Open.AddDays(-2)));
        Assert.True(c.StartDue(Open, Open.AddDays(-1)));
        // Saved on its opening day (or later): started by hand, never by the job.
        Assert.False(c.StartDue(Open, Open));
        Assert.False(c.StartDue(Open.AddDays(3), Open.AddDays(1)));
        c.Start(Now);
        Assert.True(c.TakesAnswers(Close));
        Assert.False(c.TakesAnswers(Close.AddDays(1)));
        Assert.False(c.CloseDue(Close));
        Assert.True(c.CloseDue(Close.AddDays(1)));
        Assert.True(c.Covers(7, 1));
        Assert.False(c.Covers(7, 2));
        var p = SurveyCampaign.Create(1, 5, Draft(), 1, "u", "经理", Now);
        Assert.True(p.Covers(5, 1));
        Assert.False(p.Covers(6, 1));
    }
}

public class SurveyResponseTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static SurveyCampaign Open()
    {
        var c = SurveyCampaign.Create(1, 3, SurveyCampaignTests.Draft(items: [new() { Area = ServiceArea.Repairs, Text = "维修" }, new() { Area = ServiceArea.Cleaning, Text = "保洁" }]), 1, "u", "经理", Now);
        c.Id = 9;
        c.Start(Now);
        return c;
    }

    [Fact]
    public void Submit_records_scores_comment_and_channel()
    {
        var r = SurveyResponse.Submit(Open(), 3, 11, 5, [5, null], "  很好 ", ResponseChannel.PhoneInterview, "u-desk", "客服小李", Now, Today);
        Assert.Equal([5, null], r.Scores);
        Assert.Equal("很好", r.Comment);
        Assert.Equal(ResponseChannel.PhoneInterview, r.Channel);
        Assert.Equal("客服小李", r.RecordedByName);
        Assert.Equal(9, r.CampaignId);
    }

    [Theory]
    [InlineData(new[] { 5 }, "Scores")]
    [InlineData(new[] { 5, 4, 3 }, "Scores")]
    [InlineData(new[] { 0, 4 }, "Scores[0]")]
    [InlineData(new[] { 4, 6 }, "Scores[1]")]
    public void Submit_refuses_wrong_scores(int[] scores, string field)
    {
        var ex = Assert.Throws<ValidationException>(() =>
            SurveyResponse.Submit(Open(), 3, 11, 5, scores.Select(s => (int?)s).ToList(), null, ResponseChannel.Portal, "u", "业主", Now, Today));
        Assert.Contains(ex.Errors, e => e.Field == field);
    }

    [Fact]
    public void Submit_refuses_all_not_applicable_and_a_long_comment()
    {
        Assert.Contains(Assert.Throws<ValidationException>(() => SurveyResponse.Submit(Open(), 3, 11, 5, [null, null], null, ResponseChannel.Portal, "u", "业主", Now, Today)).Errors,
            e => e.Field == "Scores");
        Assert.Contains(Assert.Throws<ValidationException>(() => SurveyResponse.Submit(Open(), 3, 11, 5, [1, 2], new string('意', 501), ResponseChannel.Portal, "u", "业主", Now, Today)).Errors,
            e => e.Field == "Comment");
        SurveyResponse.Submit(Open(), 3, 11, 5, [1, 2], new string('意', 500), ResponseChannel.Portal, "u", "业主", Now, Today);
    }

    [Fact]
    public void Answers_are_taken_only_while_open_and_up_to_the_closing_day()
    {
        var c = Open();
        var r = SurveyResponse.Submit(c, 3, 11, 5, [3, 3], null, ResponseChannel.Portal, "u", "业主", Now, c.ClosesOn);
        r.Edit(c, [5, 4], "改了", ResponseChannel.Portal, "u", "业主", Now.AddHours(1), c.ClosesOn);
        Assert.Equal([5, 4], r.Scores);
        Assert.NotNull(r.UpdatedAt);
        Assert.Throws<DomainException>(() => r.Edit(c, [1, 1], null, ResponseChannel.Portal, "u", "业主", Now, c.ClosesOn.AddDays(1)));
        c.Close(Now);
        Assert.Throws<DomainException>(() => r.Edit(c, [1, 1], null, ResponseChannel.Portal, "u", "业主", Now, Today));
        Assert.Throws<DomainException>(() => SurveyResponse.Submit(c, 3, 12, 6, [1, 1], null, ResponseChannel.Portal, "u", "业主", Now, Today));
        Assert.Equal([5, 4], r.Scores);
        var draft = SurveyCampaign.Create(1, 3, SurveyCampaignTests.Draft(), 1, "u", "经理", Now);
        Assert.Throws<DomainException>(() => SurveyResponse.Submit(draft, 3, 12, 6, [1], null, ResponseChannel.Portal, "u", "业主", Now, Today));
    }

    [Fact]
    public void Reminder_is_due_every_n_days_and_never_at_zero()
    {
        var i = new SurveyInvitation { InvitedAt = Now };
        Assert.False(i.ReminderDue(0, Now.AddDays(30)));
        Assert.False(i.ReminderDue(3, Now.AddDays(2)));
        Assert.True(i.ReminderDue(3, Now.AddDays(3)));
        i.LastRemindedAt = Now.AddDays(3);
        Assert.False(i.ReminderDue(3, Now.AddDays(5)));
        // At most three reminders, however long the survey runs.
        i.Reminders = SurveyCampaign.MaxReminders - 1;
        Assert.True(i.ReminderDue(3, Now.AddDays(6)));
        i.Reminders = SurveyCampaign.MaxReminders;
        Assert.False(i.ReminderDue(3, Now.AddDays(60)));
    }

    [Fact]
    public void A_survey_runs_at_most_sixty_days()
    {
        var opens = new DateOnly(2026, 12, 1);
        Assert.Empty(SurveyCampaign.Validate(SurveyCampaignTests.Draft("名", opens: opens, closes: opens.AddDays(SurveyCampaign.MaxDays - 1))));
        var e = Assert.Single(SurveyCampaign.Validate(SurveyCampaignTests.Draft("名", opens: opens, closes: opens.AddDays(SurveyCampaign.MaxDays))));
        Assert.Equal("ClosesOn", e.Field);
    }

    [Fact]
    public void Sample_is_reproducible_sized_by_the_share_and_differs_per_project()
    {
        var units = Enumerable.Range(100, 40).ToList();
        var a = SurveySample.Draw(units, SurveyTarget.Sample, 25, 77, 1);
        Assert.Equal(10, a.Count);
        Assert.Equal(a, SurveySample.Draw(units.AsEnumerable().Reverse().ToList(), SurveyTarget.Sample, 25, 77, 1));
        Assert.NotEqual(a, SurveySample.Draw(units, SurveyTarget.Sample, 25, 77, 2));
        Assert.NotEqual(a, SurveySample.Draw(units, SurveyTarget.Sample, 25, 78, 1));
        Assert.All(a, u => Assert.Contains(u, units));
        Assert.Equal(units, SurveySample.Draw(units, SurveyTarget.AllOccupied, 10, 77, 1));
        Assert.Single(SurveySample.Draw(units, SurveyTarget.Sample, 1, 77, 1));
        Assert.Empty(SurveySample.Draw([], SurveyTarget.Sample, 50, 77, 1));
    }
}
