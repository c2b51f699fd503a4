using PropertyCare.Domain.Common;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.Quality;

/// <summary>抽访记录 and 整改通知 state rules.</summary>
public class AuditAndNoticeTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static CallbackAudit Audit(Satisfaction? projectSaid = Satisfaction.Satisfied)
    {
        var sample = CallbackSample.Record(1, 1, new DateOnly(2026, 11, 16), SampleRule.Default, 7, 10, 3, Now, "system");
        var item = new SampledItem(new SampleCandidate(SampleSource.Repair, 5, 1, false, false, false), SampleReason.Random);
        return CallbackAudit.Drawn(sample, item, "BX-20261117-0001", Now.AddDays(-5), "客服小李", projectSaid, "满意");
    }

    [Fact]
    public void Genuine_and_as_satisfied_needs_no_notice_untrue_or_less_satisfied_does()
    {
        var ok = Audit();
        Assert.False(ok.Record(new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), "u", "审核员", Now));
        Assert.False(ok.NeedsRectification);
        var more = Audit();
        Assert.False(more.Record(new AuditAnswer(Authenticity.Genuine, Satisfaction.VerySatisfied, null), "u", "审核员", Now));
        var untrue = Audit();
        Assert.True(untrue.Record(new AuditAnswer(Authenticity.Untrue, Satisfaction.Satisfied, "业主说没人回访过"), "u", "审核员", Now));
        var less = Audit();
        Assert.True(less.Record(new AuditAnswer(Authenticity.Genuine, Satisfaction.Neutral, null), "u", "审核员", Now));
        Assert.Equal(AuditStatus.Done, less.Status);
        Assert.Equal(1, less.Attempts);
    }

    [Fact]
    public void Untrue_needs_notes_and_a_recorded_audit_cannot_be_recorded_again()
    {
        var a = Audit();
        var e = Assert.Throws<ValidationException>(() => a.Record(new AuditAnswer(Authenticity.Untrue, Satisfaction.Satisfied, " "), "u", "审核员", Now));
        Assert.Contains(e.Errors, x => x.Field == nameof(AuditAnswer.Notes));
        Assert.Equal(AuditStatus.Pending, a.Status);
        a.RecordUnreachable("空号", "u", "审核员", Now);
        Assert.Equal(AuditStatus.Unreachable, a.Status);
        Assert.False(a.NeedsRectification);
        Assert.Throws<DomainException>(() => a.Record(new AuditAnswer(Authenticity.Genuine, Satisfaction.Satisfied, null), "u", "审核员", Now));
        Assert.Throws<DomainException>(() => a.RecordUnreachable(null, "u", "审核员", Now));
    }

    private static RectificationNotice Notice() =>
        RectificationNotice.Issue(1, 1, 9, "回访不实", "请整改", Now.AddDays(3), "hq", "总部", Now);

    [Fact]
    public void Notice_answer_accept_return_cycle_keeps_every_round()
    {
        var n = Notice();
        Assert.Throws<DomainException>(() => n.Accept(null, "总部", Now));
        n.Answer("已重新回访并考核回访员", "经理", Now.AddHours(1));
        Assert.Throws<DomainException>(() => n.Answer("再答一次", "经理", Now));
        n.Return("未说明考核结果", Now.AddDays(5), "总部", Now.AddHours(2));
        Assert.Equal(RectificationStatus.Returned, n.Status);
        Assert.Equal(Now.AddDays(5), n.DueAt);
        n.Answer("考核结果：扣绩效 100 元", "经理", Now.AddHours(3));
        n.Accept("同意", "总部", Now.AddHours(4));
        Assert.Equal(RectificationStatus.Accepted, n.Status);
        Assert.Equal(2, n.Rounds.Count);
        Assert.Equal([false, true], n.Rounds.Select(r => r.Accepted!.Value));
        Assert.Throws<DomainException>(() => n.Return("x", null, "总部", Now));
        Assert.Throws<ValidationException>(() => Notice().Answer(" ", "经理", Now));
    }

    [Fact]
    public void Notice_escalates_once_per_deadline_and_a_new_deadline_rearms_it()
    {
        var n = Notice();
        Assert.False(n.EscalationDue(Now.AddDays(3)));
        Assert.True(n.EscalationDue(Now.AddDays(3).AddMinutes(1)));
        n.Escalate(Now.AddDays(4));
        Assert.False(n.EscalationDue(Now.AddDays(5)));
        Assert.Throws<DomainException>(() => n.Escalate(Now.AddDays(5)));
        n.Answer("已整改", "经理", Now.AddDays(5));
        Assert.False(n.IsOverdue(Now.AddDays(6))); // HQ's review time is not the project's fault
        n.Return("不够", Now.AddDays(8), "总部", Now.AddDays(6));
        Assert.Null(n.EscalatedAt);
        Assert.True(n.EscalationDue(Now.AddDays(8).AddMinutes(1)));
    }

    [Fact]
    public void Notice_issue_validates_and_refuses_a_past_deadline()
    {
        var e = Assert.Throws<ValidationException>(() => RectificationNotice.Issue(1, 1, null, "", " ", Now, "hq", "总部", Now));
        Assert.Equal(3, e.Errors.Count);
    }
}
