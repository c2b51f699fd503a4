using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Kpis;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;

namespace PropertyCare.Infrastructure.Kpis;

/// <summary>One project's (or, summed, one company's) figures for a period — what a report snapshot holds and what the
/// KPIs are computed from. Counts only (rates are derived), so company totals are plain sums of the projects'.</summary>
public sealed record PeriodFigures
{
    // Repairs (orders received in the period, project's local dates).
    public int OrdersReceived { get; init; }
    public int OrdersCompleted { get; init; }
    public int OrdersClosed { get; init; }
    public int FeedbackMeasured { get; init; }
    public int FeedbackOnTime { get; init; }
    // Repair callbacks due in the period.
    public int CallbacksDue { get; init; }
    public int CallbacksDone { get; init; }
    public int CallbacksUnreachable { get; init; }
    /// <summary>Done callbacks by satisfaction 5..1 (index 0 = 非常满意 … 4 = 很不满意).</summary>
    public int[] SatisfactionCounts { get; init; } = new int[5];
    public int Unsatisfied { get; init; }
    public int UnsatisfiedResolved { get; init; }
    // HQ re-calls (抽访) recorded in the period.
    public int AuditsRecorded { get; init; }
    public int AuditsUntrue { get; init; }
    // Owner records (state at the time of computing).
    public int Owners { get; init; }
    public int OwnersComplete { get; init; }
    public int PhonesFlaggedWrong { get; init; }
    public int Units { get; init; }
    // Surveys closing in the period.
    public int SurveyScored { get; init; }
    public int SurveySatisfied { get; init; }
    // Complaints received in the period.
    public ComplaintFigures Complaints { get; init; } = ComplaintFigures.Of([]);
    public Dictionary<ComplaintKind, int> ComplaintsByKind { get; init; } = [];
    public Dictionary<ComplaintStatus, int> ComplaintsByStatus { get; init; } = [];

    public IReadOnlyList<KpiMeasure> Measures() =>
    [
        new(KpiKind.CallbackRate, CallbacksDone, CallbacksDue),
        new(KpiKind.FeedbackOnTime, FeedbackOnTime, FeedbackMeasured),
        new(KpiKind.ComplaintOnTime, Complaints.HandledOnTime, Complaints.Handled),
        new(KpiKind.ComplaintSatisfaction, Complaints.Satisfied, Complaints.CalledBack),
        new(KpiKind.ValidComplaints, Complaints.ValidComplaints, Units),
        new(KpiKind.ProcessClosure, OrdersClosed, OrdersReceived),
        new(KpiKind.Redispatch, Complaints.Redispatched, Complaints.Dispatched),
        new(KpiKind.RepeatComplaint, Complaints.Repeats, Complaints.Complaints),
        new(KpiKind.DataCompleteness, OwnersComplete, Owners),
        new(KpiKind.SurveyIndex, SurveySatisfied, SurveyScored),
        new(KpiKind.CallbackAuthenticity, AuditsRecorded - AuditsUntrue, AuditsRecorded),
    ];

    public decimal? Score(IReadOnlyDictionary<KpiKind, int> weights) => KpiScore.Compute(Measures(), weights);

    public static PeriodFigures Sum(IEnumerable<PeriodFigures> all)
    {
        var list = all.ToList();
        int S(Func<PeriodFigures, int> f) => list.Sum(f);
        int C(Func<ComplaintFigures, int> f) => list.Sum(x => f(x.Complaints));
        return new()
        {
            OrdersReceived = S(x => x.OrdersReceived), OrdersCompleted = S(x => x.OrdersCompleted), OrdersClosed = S(x => x.OrdersClosed),
            FeedbackMeasured = S(x => x.FeedbackMeasured), FeedbackOnTime = S(x => x.FeedbackOnTime),
            CallbacksDue = S(x => x.CallbacksDue), CallbacksDone = S(x => x.CallbacksDone), CallbacksUnreachable = S(x => x.CallbacksUnreachable),
            SatisfactionCounts = Enumerable.Range(0, 5).Select(i => list.Sum(x => x.SatisfactionCounts[i])).ToArray(),
            Unsatisfied = S(x => x.Unsatisfied), UnsatisfiedResolved = S(x => x.UnsatisfiedResolved),
            AuditsRecorded = S(x => x.AuditsRecorded), AuditsUntrue = S(x => x.AuditsUntrue),
            Owners = S(x => x.Owners), OwnersComplete = S(x => x.OwnersComplete), PhonesFlaggedWrong = S(x => x.PhonesFlaggedWrong), Units = S(x => x.Units),
            SurveyScored = S(x => x.SurveyScored), SurveySatisfied = S(x => x.SurveySatisfied),
            Complaints = new(C(c => c.Received), C(c => c.Complaints), C(c => c.ValidComplaints), C(c => c.Handled), C(c => c.HandledOnTime),
                C(c => c.CallbackDue), C(c => c.CalledBack), C(c => c.Satisfied), C(c => c.Repeats), C(c => c.Dispatched), C(c => c.Redispatched), C(c => c.Praise)),
            ComplaintsByKind = list.SelectMany(x => x.ComplaintsByKind).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)),
            ComplaintsByStatus = list.SelectMany(x => x.ComplaintsByStatus).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)),
        };
    }

    /// <summary>Index in <see cref="SatisfactionCounts"/> of a satisfaction (非常满意 first).</summary>
    public static int SlotOf(Satisfaction s) => 5 - (int)s;
}
