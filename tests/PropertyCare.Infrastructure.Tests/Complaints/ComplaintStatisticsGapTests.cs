using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Repairs;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>Figures the hand-counted fixture could not tell apart (found by the mutation run): a rate is null ("—") when
/// its denominator is zero; "handled" counts the records whose handling was recorded (an answered consultation included),
/// not the others; satisfaction is the LAST callback's answer — unsatisfied then satisfied counts, satisfied then (after a
/// reopening) unsatisfied does not.</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintStatisticsGapTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static readonly ComplaintPeriod November = new(ComplaintPeriodKind.Month, 2026, 11);

    private static ComplaintStatisticsService Stats(ComplaintWorld w, Domain.Tenancy.Project p) =>
        w.Scope(Roles.ServiceDesk, p, "u-stats", "看统计").GetRequiredService<ComplaintStatisticsService>();

    private static async Task HandleAndCallBackAsync(ComplaintWorld w, Domain.Tenancy.Project p, int id, Satisfaction answer)
    {
        var flow = w.DeskFlow(p);
        await flow.PlanAsync(id, await w.VersionAsync(p, id), "更换灯具");
        await flow.HandleAsync(id, await w.VersionAsync(p, id), "已更换", null);
        w.W.Clock.Advance(TimeSpan.FromMinutes(10));
        await flow.CallbackAsync(id, await w.VersionAsync(p, id), new ComplaintCallbackAnswer(answer, false, answer == Satisfaction.Satisfied ? null : "还是不行"));
        w.W.Clock.Advance(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task A_period_without_records_has_no_rates_rather_than_zero()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var f = (await Stats(w, w.A).GetAsync(November)).Figures;
        Assert.Equal(0, f.Received);
        Assert.Equal(((decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null),
            (f.OnTimeRate, f.SatisfactionRate, f.RepeatRate, f.RedispatchRate, f.CallbackRate));
        Assert.Equal("—（0/0）", f.Show(ComplaintFigures.OnTimeDef));
    }

    [Fact]
    public async Task Handled_counts_recorded_handlings_and_answered_consultations_and_satisfaction_is_the_last_callbacks()
    {
        await using var w = await ComplaintWorld.CreateAsync(Provider);
        var a = await w.ArrangeAsync(w.A);
        // A: unsatisfied at the first callback, satisfied at the second → satisfied; a consultation answered; one still registered.
        var x = await w.DispatchedAsync(w.A, a);
        await HandleAndCallBackAsync(w, w.A, x, Satisfaction.Dissatisfied);
        await HandleAndCallBackAsync(w, w.A, x, Satisfaction.Satisfied);
        Assert.Equal(ComplaintStatus.Closed, (await w.GetAsync(w.A, x)).Status);
        var consultation = await w.RegisteredAsync(w.A, a, ComplaintKind.Consultation);
        await w.DeskFlow(w.A).AnswerAsync(consultation, 0, "物业费可在业主端缴纳");
        await w.RegisteredAsync(w.A, a);

        var f = (await Stats(w, w.A).GetAsync(November)).Figures;
        Assert.Equal((3, 2), (f.Received, f.Handled));       // x and the consultation; not the registered one
        Assert.Equal((1, 1, 1m), (f.CalledBack, f.Satisfied, f.SatisfactionRate));

        // B: satisfied at the first callback, reopened, unsatisfied at the second → not satisfied (back with the department).
        var b = await w.ArrangeAsync(w.B);
        var y = await w.DispatchedAsync(w.B, b);
        await HandleAndCallBackAsync(w, w.B, y, Satisfaction.Satisfied);
        await w.DeskFlow(w.B).ReopenAsync(y, await w.VersionAsync(w.B, y), "灯又不亮了");
        await HandleAndCallBackAsync(w, w.B, y, Satisfaction.Dissatisfied);
        var c = await w.GetAsync(w.B, y);
        Assert.Equal((ComplaintStatus.Dispatched, 2), (c.Status, c.Callbacks.Count));
        var g = (await Stats(w, w.B).GetAsync(November)).Figures;
        Assert.Equal((1, 0, 0m), (g.CalledBack, g.Satisfied, g.SatisfactionRate));
        Assert.Equal((0, (decimal?)null), (g.Handled, g.OnTimeRate)); // its handling was undone by the callback
    }
}
