using PropertyCare.Domain.Common;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Surveys;

namespace PropertyCare.Domain.Tests.Quality;

/// <summary>Mutation gaps of issue 15's domain (Stryker, 2026-11-27): the survey figures, the re-call's notes, its
/// unreachable path and when a finding needs a notice.</summary>
public class QualityGapTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static CallbackAudit Audit(Satisfaction? recorded = Satisfaction.Satisfied)
    {
        var sample = CallbackSample.Record(1, 1, new DateOnly(2026, 11, 16), SampleRule.Default, 42, 10, 3, Now, "system");
        var item = new SampledItem(new SampleCandidate(SampleSource.Repair, 7, 1, false, false, false), SampleReason.Random);
        return CallbackAudit.Drawn(sample, item, "BX-20261118-0001", Now.AddDays(-3), "客服小李", recorded, "已修好");
    }

    [Fact]
    public void Survey_index_and_mean_count_only_scored_answers()
    {
        // 5, 4, 3, null (不适用), 2, 5: six answers, five scored; 5+4+5 are 满意 or better; sum 19.
        var (scored, good, sum) = SurveyScoring.Tally([5, 4, 3, null, 2, 5]);
        Assert.Equal((5, 3, 19), (scored, good, sum));
        Assert.Equal(60.0m, SurveyScoring.Index(scored, good));
        Assert.Equal(3.8m, SurveyScoring.Mean(scored, sum));
        // One decimal and two decimals: 2 of 3 = 66.7 %, 14 / 3 = 4.67.
        Assert.Equal(66.7m, SurveyScoring.Index(3, 2));
        Assert.Equal(4.67m, SurveyScoring.Mean(3, 14));
        // Nothing scored has no figure (not 0 %).
        Assert.Equal((0, 0, 0), SurveyScoring.Tally([null, null]));
        Assert.Null(SurveyScoring.Index(0, 0));
        Assert.Null(SurveyScoring.Mean(0, 0));
        // The border: 4 is 满意, 3 is not.
        Assert.Equal(1, SurveyScoring.Tally([4]).SatisfiedOrBetter);
        Assert.Equal(0, SurveyScoring.Tally([3]).SatisfiedOrBetter);
    }

    [Fact]
    public void Re_call_answer_validates_every_field()
    {
        var undefined = new AuditAnswer((Authenticity)9, (Satisfaction)0, new string('话', TextLimits.Remark + 1)).Validate();
        Assert.Contains(undefined, e => e.Field == nameof(AuditAnswer.Authenticity));
        Assert.Contains(undefined, e => e.Field == nameof(AuditAnswer.SatisfactionNow));
        Assert.Contains(undefined, e => e.Field == nameof(AuditAnswer.Notes));
        Assert.Empty(new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, new string('话', TextLimits.Remark)).Validate());
    }

    [Fact]
    public void Recorded_notes_are_trimmed_and_blank_notes_are_none()
    {
        var a = Audit();
        a.Record(new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, "  业主确认已修好  "), "u", "总部", Now);
        Assert.Equal("业主确认已修好", a.Notes);
        var b = Audit();
        b.Record(new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, "   "), "u", "总部", Now);
        Assert.Null(b.Notes);
    }

    [Fact]
    public void Unreachable_is_recorded_once_with_its_notes_and_needs_no_notice()
    {
        var a = Audit();
        Assert.Throws<ValidationException>(() => a.RecordUnreachable(new string('号', TextLimits.Remark + 1), "u", "总部", Now));
        Assert.Equal((AuditStatus.Pending, 0), (a.Status, a.Attempts));
        a.RecordUnreachable("  空号  ", "u", "总部", Now);
        Assert.Equal((AuditStatus.Unreachable, 1, "空号", "总部", Now), (a.Status, a.Attempts, a.Notes, a.AuditorName, a.AuditedAt));
        Assert.False(a.NeedsRectification);
        Assert.Throws<DomainException>(() => a.RecordUnreachable(null, "u", "总部", Now));
        var blank = Audit();
        blank.RecordUnreachable("  ", "u", "总部", Now);
        Assert.Null(blank.Notes);
    }

    [Theory]
    [InlineData(Authenticity.Untrue, Satisfaction.VerySatisfied, Satisfaction.Satisfied, true)]   // 不实, whatever the owner says now
    [InlineData(Authenticity.Genuine, Satisfaction.Neutral, Satisfaction.Satisfied, true)]        // less satisfied than recorded
    [InlineData(Authenticity.Genuine, Satisfaction.Satisfied, Satisfaction.Satisfied, false)]     // the same is fine
    [InlineData(Authenticity.Genuine, Satisfaction.VerySatisfied, Satisfaction.Satisfied, false)] // more satisfied is fine
    [InlineData(Authenticity.Genuine, Satisfaction.VeryDissatisfied, null, false)]                // nothing recorded to compare
    public void A_finding_needs_a_notice_when_untrue_or_less_satisfied_than_recorded(Authenticity auth, Satisfaction now, Satisfaction? recorded, bool needs)
    {
        var a = Audit(recorded);
        Assert.Equal(needs, a.Record(new AuditAnswer(auth, now, "业主说"), "u", "总部", Now));
        Assert.Equal(needs, a.NeedsRectification);
    }
}
