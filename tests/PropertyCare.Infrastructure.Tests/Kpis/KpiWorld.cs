using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Kpis;
using PropertyCare.Infrastructure.Tests.Complaints;
using static PropertyCare.Infrastructure.Tests.Complaints.ComplaintJobWorld;

namespace PropertyCare.Infrastructure.Tests.Kpis;

/// <summary>November 2026 in project A (company A; Shanghai time), counted by hand. Company A also has project A2 (no
/// records); company B has project B with one record of each kind that must never be counted in A.
///   Repairs (received):  R1 11-02 due 11-03, completed 11-02 (on time), callback 11-03 满意 → closed
///                        R2 11-05 due 11-06, completed 11-08 (late), callback 11-09 不太满意 → rework (unsatisfied, unresolved)
///                        R3 11-10 due 11-11, completed 11-10 (on time), callback 11-11 still pending
///                        R4 11-20 due 11-21, never dispatched (past due at 12-01 → measured, not on time)
///                        R5 11-30 23:30 due 12-02, open, not yet due at 12-01 10:00 → not measured
///                        R6 11-12 cancelled → not counted;  R7 10-31 23:30 → October
///   Complaints:          K1 投诉 U1 维修服务 有效, handled 11-03 on time, callback 满意 → closed (repeat: K2)
///                        K2 投诉 U1 维修服务 有效, repeat; handled 11-10 late, callback 不太满意 → 二次派单 (handling undone)
///                        K3 咨询 answered on time
///   Owners:              O1 complete; O2 phone flagged wrong (号码待核实); O3 no unit  → 1 of 3 complete, 1 flagged
///   Units:               U1, O1's, O2's = 3
///   Audits (抽访):        3 recorded in November: 2 真实, 1 不实; 1 pending (not counted)
///   Survey:              company A campaign closing 11-30: responses [5,4,—,2] and [3,5] → 5 scored, 3 satisfied or better;
///                        a campaign closing in December (not counted)</summary>
internal sealed class KpiWorld : IAsyncDisposable
{
    public ComplaintJobWorld W { get; }
    public Project A => W.A;
    public Project B => W.B;
    public Project A2 { get; private set; } = null!;
    public Dictionary<string, int> Ids { get; } = [];

    private KpiWorld(ComplaintJobWorld w) => W = w;

    public static readonly KpiMonth November = new(2026, 11);

    public static async Task<KpiWorld> CreateAsync(DatabaseProvider provider)
    {
        var w = new KpiWorld(await ComplaintJobWorld.CreateAsync(provider, new DateTime(2026, 10, 31, 23, 30, 0)));
        await w.SeedAsync();
        return w;
    }

    public IServiceProvider As(string role, Project p, string userId = "u-hq") => W.As(role, p, userId, role == Roles.HqAuditor ? "总部审计" : "项目经理");
    public KpiQueries Hq(Project p) => As(Roles.HqAuditor, p).GetRequiredService<KpiQueries>();

    private DateTime Utc(int month, int day, int hour = 10, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0), Shanghai);

    private async Task SeedAsync()
    {
        await using (var db = new AppDbContext(W.App.Provider.GetRequiredService<DbContextOptions<AppDbContext>>(), null))
        {
            A2 = new Project { CompanyId = A.CompanyId, Name = "锦江华府", Code = "A2" };
            db.Projects.Add(A2);
            await db.SaveChangesAsync();
        }
        await RepairAsync(A, "R7", Utc(10, 31, 23, 30), Utc(11, 2), null, null);
        await RepairAsync(A, "R1", Utc(11, 2), Utc(11, 3), Utc(11, 2, 15), (new DateOnly(2026, 11, 3), Satisfaction.Satisfied));
        await RepairAsync(A, "R2", Utc(11, 5), Utc(11, 6), Utc(11, 8), (new DateOnly(2026, 11, 9), Satisfaction.Dissatisfied));
        await RepairAsync(A, "R3", Utc(11, 10), Utc(11, 11), Utc(11, 10, 15), (new DateOnly(2026, 11, 11), null));
        await RepairAsync(A, "R4", Utc(11, 20), Utc(11, 21), null, null);
        await RepairAsync(A, "R5", Utc(11, 30, 23, 30), Utc(12, 2), null, null);
        await RepairAsync(A, "R6", Utc(11, 12), Utc(11, 13), null, null, cancel: true);
        await RepairAsync(B, "RB", Utc(11, 2), Utc(11, 3), Utc(11, 2, 15), (new DateOnly(2026, 11, 3), Satisfaction.Satisfied));

        var tech = await W.AddUserAsync(A, Roles.Technician, "tech", "电工老王");
        var u1 = await W.UnitAsync(A, "101");
        W.SetLocal(new DateTime(2026, 11, 2, 10, 0, 0));
        var k1 = Ids["K1"] = await W.RegisterAsync(A, Intake(unitId: u1, category: "维修服务"));
        var k2 = Ids["K2"] = await W.RegisterAsync(A, Intake(channel: ComplaintChannel.Visit, unitId: u1, category: "维修服务"));
        var k3 = Ids["K3"] = await W.RegisterAsync(A, Intake(kind: ComplaintKind.Consultation));
        await W.StepAsync(A, k3, (c, s, tm, now) => c.Answer("物业费可在业主端或前台缴纳", "客服小李", now));
        await W.ClassifyAsync(A, k1, "工程部", tech, "电工老王");
        await W.ClassifyAsync(A, k2, "工程部", tech, "电工老王");
        W.SetLocal(new DateTime(2026, 11, 3, 10, 0, 0));
        await W.PlanAsync(A, k1);
        await W.PlanAsync(A, k2);
        await W.HandleAsync(A, k1);
        W.SetLocal(new DateTime(2026, 11, 4, 10, 0, 0));
        await W.CallbackAsync(A, k1, Satisfaction.Satisfied);
        W.SetLocal(new DateTime(2026, 11, 10, 10, 0, 0));
        await W.HandleAsync(A, k2);
        await W.CallbackAsync(A, k2, Satisfaction.Dissatisfied, opinion: "灯还是不亮");
        await W.RegisterAsync(B, Intake());

        await OwnerAsync(A, "O1", "13800000001", withUnit: true);
        await OwnerAsync(A, "O2", "13800000002", withUnit: true, flagged: true);
        await OwnerAsync(A, "O3", "13800000003", withUnit: false);
        await OwnerAsync(B, "OB", "13800000009", withUnit: true, flagged: true);

        await AuditsAsync();
        await SurveysAsync();
        W.SetLocal(new DateTime(2026, 12, 1, 10, 0, 0));
    }

    private async Task RepairAsync(Project p, string name, DateTime received, DateTime due, DateTime? completed, (DateOnly Due, Satisfaction? Answer)? callback, bool cancel = false)
    {
        await using var db = W.Db(p);
        var o = RepairOrder.Register($"BX-{name}", new RepairIntake(null, "1栋大堂", "水电", "灯不亮", RepairUrgency.Normal, RepairChannel.Phone, ContactName: "王女士", ContactPhone: "13800138000"), null, received, due, "u-desk", "客服小李");
        db.RepairOrders.Add(o);
        await db.SaveChangesAsync();
        Ids[name] = o.Id;
        if (cancel) { o.Cancel("业主取消"); await db.SaveChangesAsync(); return; }
        if (completed is not { } at) return;
        o.Dispatch("u-tech", "电工老王", received.AddHours(1));
        o.Accept("u-tech");
        o.Arrive("u-tech", at.AddHours(-1));
        o.Complete("u-tech", at, "更换灯具", null, FeeKind.Free, null);
        await db.SaveChangesAsync();
        if (callback is not { } cb) return;
        var c = Callback.For(o, cb.Due);
        db.Callbacks.Add(c);
        if (cb.Answer is { } s)
        {
            c.RecordAnswer(new CallbackAnswer("业主", ServiceAttitude.Good, true, true, s, s.NeedsRework() ? "还是不亮" : null), CallbackChannel.Phone, "u-desk", "客服小李",
                cb.Due.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
            if (s.NeedsRework()) o.StartRework(); else o.CloseSatisfied();
        }
        await db.SaveChangesAsync();
    }

    private async Task OwnerAsync(Project p, string name, string phone, bool withUnit, bool flagged = false)
    {
        await using var db = W.Db(p);
        var owner = new Owner { Name = name, IdType = IdDocumentType.ResidentIdCard, IdNumber = "11010519491231002X", Phone = phone, PhoneFlaggedWrong = flagged };
        db.Owners.Add(owner);
        await db.SaveChangesAsync();
        Ids[name] = owner.Id;
        if (!withUnit) return;
        var unitId = await W.UnitAsync(p, "2" + name);
        db.UnitOwnerships.Add(new UnitOwnership { UnitId = unitId, OwnerId = owner.Id, IsPrimary = true });
        await db.SaveChangesAsync();
    }

    private async Task AuditsAsync()
    {
        foreach (var (p, answers) in new[] { (A, new Authenticity?[] { Authenticity.Genuine, Authenticity.Genuine, Authenticity.Untrue, null }), (B, new Authenticity?[] { Authenticity.Untrue }) })
        {
            await using var db = W.Db(p);
            var sample = CallbackSample.Record(p.Id, p.CompanyId, new DateOnly(2026, 11, 2), SampleRule.Default, 42, answers.Length, answers.Length, Utc(11, 9), "system");
            db.CallbackSamples.Add(sample);
            await db.SaveChangesAsync();
            var i = 0;
            foreach (var a in answers)
            {
                var audit = CallbackAudit.Drawn(sample, new SampledItem(new SampleCandidate(SampleSource.Repair, 1000 + i, 1, false, false, false), SampleReason.Random),
                    $"BX-S{i}", Utc(11, 3), "客服小李", Satisfaction.Satisfied, null);
                db.CallbackAudits.Add(audit);
                if (a is { } auth) audit.Record(new AuditAnswer(auth, Satisfaction.Satisfied, auth == Authenticity.Untrue ? "业主说没有接到回访" : null), "u-hq", "总部审计", Utc(11, 10 + i));
                i++;
            }
            await db.SaveChangesAsync();
            Ids[$"audits-{p.Code}"] = sample.Id;
        }
    }

    private async Task SurveysAsync()
    {
        await using var db = W.Db(A);
        var units = await db.Units.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        // Inserted with SQL: at 878a18c the history capture casts every IHasHistory entity to ITenantOwned, which a
        // company campaign is not (SurveyCampaign has no ProjectId to record) — Part B / the lead fix that; these figures
        // only need the row.
        async Task<SurveyCampaign> Campaign(DateOnly closes)
        {
            var title = $"满意度调查 {closes:yyyy-MM}";
            var created = Utc(11, 1);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "SurveyCampaigns" ("CompanyId", "Title", "Items", "Target", "SamplePercent", "Seed", "OpensOn", "ClosesOn", "ReminderEveryDays",
                  "Status", "CreatedById", "CreatedByName", "CreatedAt", "Version")
                VALUES ({A.CompanyId}, {title}, {"[]"}, {0}, {100}, {1}, {closes.AddDays(-14)}, {closes}, {0}, {(int)CampaignStatus.Closed}, {"u-hq"}, {"总部审计"}, {created}, {1})
                """);
            return await db.SurveyCampaigns.AsNoTracking().SingleAsync(c => c.Title == title);
        }
        var nov = await Campaign(new DateOnly(2026, 11, 30));
        var dec = await Campaign(new DateOnly(2026, 12, 15));
        SurveyResponse Response(SurveyCampaign c, int unit, List<int?> scores) => new()
        {
            CampaignId = c.Id, UnitId = unit, Scores = scores, Channel = ResponseChannel.Portal, RecordedById = "u-owner", RecordedByName = "业主", SubmittedAt = Utc(11, 20),
        };
        db.SurveyResponses.AddRange(Response(nov, units[0], [5, 4, null, 2]), Response(nov, units[1], [3, 5]), Response(dec, units[0], [1, 1, 1]));
        await db.SaveChangesAsync();
        Ids["survey-nov"] = nov.Id;
    }

    public ValueTask DisposeAsync() => W.DisposeAsync();
}
