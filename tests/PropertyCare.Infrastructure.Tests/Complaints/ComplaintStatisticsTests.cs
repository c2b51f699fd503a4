using PropertyCare.Domain.Access;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Spreadsheets;
using PropertyCare.Infrastructure.Tests.Repairs;
using static PropertyCare.Infrastructure.Tests.Complaints.ComplaintJobWorld;

namespace PropertyCare.Infrastructure.Tests.Complaints;

/// <summary>客户投诉统计表 against a fixture counted by hand (below), with the period's edges in Shanghai time: 10-31 23:30
/// is October, 11-30 23:30 is November, 12-01 00:10 is December (all three are the previous day in UTC).</summary>
[Collection(RepairsCollection.Name)]
public class ComplaintStatisticsTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>November 2026 of project A (K1..K10), plus one in October and one in December, and one in project B.
    ///   K1  投诉 来电 U1 维修服务  有效 工程部  planned 11-03, handled 11-03 (on time), callback 满意 → 已关闭; repeat (K2)
    ///   K2  投诉 来访 U1 维修服务  有效 工程部  repeat of K1; handled 11-10 (late), callback 不太满意 → back as 二次派单 (待出方案)
    ///   K3  投诉 网站 U2 保洁卫生  待改进 保洁部 handled 11-03 (on time), callback 一般 + accepts → 已关闭
    ///   K4  投诉 来电 U3 噪音扰民  无效 客服部  handled 11-03 (on time), not called back yet → 待回访
    ///   K5  投诉 来信 —  停车管理  not classified → 待分派
    ///   K6  咨询 来电 —  —         answered 11-02 (on time) → 已关闭
    ///   K7  建议 留言板 — 绿化环境 绿化部 → 待出方案
    ///   K8  表扬 来电 → 已关闭 at once
    ///   K9  投诉 来电 —  维修服务  received 11-30 23:30 Shanghai (15:30 UTC) → 待分派
    ///   K10 投诉 来电 U5 设施设备  有效 工程部  handled 11-10 (late) → 待回访</summary>
    private static async Task<ComplaintJobWorld> FixtureAsync(DatabaseProvider provider)
    {
        var w = await CreateAsync(provider, new DateTime(2026, 10, 31, 23, 30, 0));
        var tech = await w.AddUserAsync(w.A, Roles.Technician, "tech", "电工老王");
        await w.RegisterAsync(w.A, Intake(category: "维修服务"));                                   // October
        var (u1, u2, u3, u5) = (await w.UnitAsync(w.A, "101"), await w.UnitAsync(w.A, "102"), await w.UnitAsync(w.A, "103"), await w.UnitAsync(w.A, "105"));
        var t = new DateTime(2026, 11, 2, 10, 0, 0);
        async Task<int> At(ComplaintIntake i) { w.SetLocal(t = t.AddMinutes(1)); return await w.RegisterAsync(w.A, i); }
        var k1 = await At(Intake(unitId: u1, category: "维修服务"));
        var k2 = await At(Intake(channel: ComplaintChannel.Visit, unitId: u1, category: "维修服务"));
        var k3 = await At(Intake(channel: ComplaintChannel.Portal, unitId: u2));
        var k4 = await At(Intake(unitId: u3));
        await At(Intake(channel: ComplaintChannel.Letter, category: "停车管理"));                   // K5
        var k6 = await At(Intake(kind: ComplaintKind.Consultation));
        var k7 = await At(Intake(kind: ComplaintKind.Suggestion, channel: ComplaintChannel.MessageBoard));
        await At(Intake(kind: ComplaintKind.Praise));                                              // K8
        var k10 = await At(Intake(unitId: u5));
        await w.StepAsync(w.A, k6, (c, s, tm, now) => c.Answer("物业费可在业主端或前台缴纳", "客服小李", now));
        await w.ClassifyAsync(w.A, k1, "工程部", tech, "电工老王");
        await w.ClassifyAsync(w.A, k2, "工程部", tech, "电工老王");
        await w.ClassifyAsync(w.A, k3, "保洁部", tech, "电工老王", ComplaintClass.ToImprove, "保洁卫生");
        await w.ClassifyAsync(w.A, k4, "客服部", tech, "电工老王", ComplaintClass.Invalid, "噪音扰民");
        await w.ClassifyAsync(w.A, k7, "绿化部", tech, "电工老王", category: "绿化环境");
        await w.ClassifyAsync(w.A, k10, "工程部", tech, "电工老王", category: "设施设备");

        w.SetLocal(new DateTime(2026, 11, 3, 10, 0, 0));
        foreach (var k in new[] { k1, k2, k3, k4, k10 }) await w.PlanAsync(w.A, k);
        foreach (var k in new[] { k1, k3, k4 }) await w.HandleAsync(w.A, k);
        w.SetLocal(new DateTime(2026, 11, 4, 10, 0, 0));
        await w.CallbackAsync(w.A, k1, Satisfaction.Satisfied);
        await w.CallbackAsync(w.A, k3, Satisfaction.Neutral, accepts: true);
        w.SetLocal(new DateTime(2026, 11, 10, 10, 0, 0)); // handling was due at the end of 11-05
        await w.HandleAsync(w.A, k2);
        await w.HandleAsync(w.A, k10);
        await w.CallbackAsync(w.A, k2, Satisfaction.Dissatisfied, opinion: "灯还是不亮");

        w.SetLocal(new DateTime(2026, 11, 30, 23, 30, 0));
        await w.RegisterAsync(w.A, Intake(category: "维修服务"));                                   // K9
        w.SetLocal(new DateTime(2026, 12, 1, 0, 10, 0));
        await w.RegisterAsync(w.A, Intake());                                                        // December
        await w.RegisterAsync(w.B, Intake());                                                        // project B: never counted in A
        return w;
    }

    private static int Count(IReadOnlyList<ComplaintCount> rows, string zh) => rows.Single(r => r.Label.Zh == zh).Count;

    [Fact]
    public async Task November_counts_match_the_hand_count()
    {
        await using var w = await FixtureAsync(Provider);
        var s = await w.Statistics(w.A).GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 11));
        var f = s.Figures;
        Assert.Equal(10, f.Received);          // K1..K10
        Assert.Equal(7, f.Complaints);         // K1 K2 K3 K4 K5 K9 K10
        Assert.Equal(3, f.ValidComplaints);    // K1 K2 K10
        Assert.Equal(5, f.Handled);            // K1 K3 K4 K6 K10 (K2's handling was undone by the callback)
        Assert.Equal(4, f.HandledOnTime);      // K1 K3 K4 K6 — K10 late
        Assert.Equal(0.8m, f.OnTimeRate);
        Assert.Equal(5, f.CallbackDue);        // K1 K2 K3 K4 K10
        Assert.Equal(3, f.CalledBack);         // K1 K2 K3
        Assert.Equal(0.6m, f.CallbackRate);
        Assert.Equal(1, f.Satisfied);          // K1 (K3 一般, K2 不太满意)
        Assert.Equal(0.3333m, f.SatisfactionRate);
        Assert.Equal(2, f.Repeats);            // K1 K2
        Assert.Equal(0.2857m, f.RepeatRate);   // 2/7
        Assert.Equal(6, f.Dispatched);         // K1 K2 K3 K4 K7 K10
        Assert.Equal(1, f.Redispatched);       // K2
        Assert.Equal(1, f.Praise);             // K8

        Assert.Equal([7, 1, 1, 0, 1], s.ByKind.Select(r => r.Count));                       // 投诉 咨询 建议 举报 表扬
        Assert.Equal(3, Count(s.ByCategory, "维修服务"));                                   // K1 K2 K9
        Assert.Equal(1, Count(s.ByCategory, "保洁卫生"));
        Assert.Equal(1, Count(s.ByCategory, "未分类"));                                     // K6
        Assert.Equal(9, s.ByCategory.Sum(r => r.Count));                                    // all but the praise
        Assert.Equal(3, Count(s.ByDepartment, "工程部"));                                   // K1 K2 K10
        Assert.Equal(3, Count(s.ByDepartment, "未派单"));                                   // K5 K6 K9
        Assert.Equal([3, 1, 1, 2], s.ByClass.Select(r => r.Count));                         // 有效 待改进 无效 未定性(K5 K9)
        Assert.Equal([2, 2, 0, 2, 4], s.ByStatus.Select(r => r.Count));                     // 待分派 K5 K9; 待出方案 K2 K7; 处理中 —; 待回访 K4 K10; 已关闭 K1 K3 K6 K8
        Assert.Equal([6, 1, 1, 1, 1, 0], s.ByChannel.Select(r => r.Count));                 // 来电 来访 来信 网站 留言板 媒体
    }

    [Fact]
    public async Task Period_edges_are_the_project_local_days()
    {
        await using var w = await FixtureAsync(Provider);
        var stats = w.Statistics(w.A);
        Assert.Equal(1, (await stats.GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 10))).Figures.Received); // 10-31 23:30
        Assert.Equal(1, (await stats.GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 12))).Figures.Received); // 12-01 00:10
        Assert.Equal(12, (await stats.GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Quarter, 2026, 4))).Figures.Received);
        Assert.Equal(0, (await stats.GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Quarter, 2026, 3))).Figures.Received);
        Assert.Equal(12, (await stats.GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Year, 2026))).Figures.Received);
        Assert.Equal(1, (await w.Statistics(w.B).GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Year, 2026))).Figures.Received);
        await Assert.ThrowsAsync<ValidationException>(() => stats.GetAsync(new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 13)));
    }

    [Fact]
    public async Task The_xlsx_reads_back_with_the_figures_their_definitions_and_the_breakdowns()
    {
        await using var w = await FixtureAsync(Provider);
        var bytes = await w.Statistics(w.A).ExportAsync(new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 11));
        var rows = XlsxReader.ReadFirstSheet(new MemoryStream(bytes));
        string[] Row(string first) => rows.First(r => r.Length > 0 && r[0] == first);
        Assert.Equal(["指标", "数值", "口径"], rows[0].Take(3));
        Assert.Equal("2026年11月", Row("统计期")[1]);
        Assert.Equal("3", Row("有效投诉次数")[1]);
        Assert.Equal("80.0%（4/5）", Row("投诉处理及时率")[1]);
        Assert.Equal("33.3%（1/3）", Row("投诉解决满意率")[1]);
        Assert.Equal("28.6%（2/7）", Row("重复投诉率")[1]);
        Assert.Equal("16.7%（1/6）", Row("重派率")[1]);
        Assert.Equal(ComplaintFigures.OnTimeDef.Definition.Zh, Row("投诉处理及时率")[2]);
        Assert.Equal("3", Row("维修服务")[1]);
        Assert.Equal("4", Row("已关闭")[1]);
    }

    [Fact]
    public async Task Only_readers_of_complaints_see_the_statistics()
    {
        await using var w = await FixtureAsync(Provider);
        var nov = new ComplaintPeriod(ComplaintPeriodKind.Month, 2026, 11);
        Assert.Equal(10, (await w.Statistics(w.A, Roles.HqAuditor).GetAsync(nov)).Figures.Received);
        Assert.Equal(10, (await w.Statistics(w.A, Roles.ProjectManager).GetAsync(nov)).Figures.Received);
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Statistics(w.A, Roles.Technician).GetAsync(nov));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Statistics(w.A, Roles.Owner).GetAsync(nov));
    }
}
