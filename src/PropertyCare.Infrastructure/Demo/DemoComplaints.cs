using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyCare.Domain.Access;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Complaints;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Demo;

/// <summary>客户投诉 in the first demo estate (翠湖花园), written through the domain's steps with past times (the services
/// only act "now"): one in every state — the demo owner's portal filing waiting for the desk, 待出方案, 处理中 put off with
/// a reason, 待回访, closed valid and satisfied, closed 待改进 with the explanation accepted, closed 无效, a consultation
/// answered, a praise — one escalated to the 二次派单 (by <see cref="Complaint.Escalate"/>, as the job would), one repeat
/// (same unit and category within 30 days, both flagged), follow-ups on the open ones, and closed ones in the earlier
/// months so the quarter's statistics have something to show. Departments: 工程部 headed by the technician "tech",
/// 客服部 by the manager.</summary>
internal static class DemoComplaints
{
    public static async Task SeedAsync(IServiceProvider services, Project project, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var staff = await users.FindByNameAsync("staff");
        var manager = await users.FindByNameAsync("manager");
        var tech = await users.FindByNameAsync("tech");
        var owner = await users.FindByNameAsync("owner");
        if (staff == null || manager == null || tech == null || owner?.OwnerId is not { } demoOwner) return;
        var time = services.GetRequiredService<TimeProvider>();

        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetUser(new UserIdentity(staff.Id, staff.DisplayName, project.CompanyId, new HashSet<string> { Roles.ServiceDesk }, null));
        scope.ServiceProvider.GetRequiredService<TenantAccessor>().EnterTrusted(project);
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        if (await db.Complaints.AnyAsync(ct)) return;
        var (clock, ctime) = await ComplaintClock.ForAsync(db, time, project, ct);
        var today = clock.Today;
        var now = clock.UtcNow;

        var settings = await db.ComplaintSettings.FirstOrDefaultAsync(ct);
        if (settings == null) { settings = new ComplaintSettings { ProjectId = project.Id }; db.ComplaintSettings.Add(settings); }
        settings.Change(settings.Current, settings.Categories, settings.Departments.Select(d => d.Name switch
        {
            "工程部" => new ComplaintDepartment { Name = d.Name, HeadUserId = tech.Id, HeadName = tech.DisplayName },
            "客服部" => new ComplaintDepartment { Name = d.Name, HeadUserId = manager.Id, HeadName = manager.DisplayName },
            _ => d,
        }));
        await db.SaveChangesAsync(ct);

        var ownersUnit = await db.UnitOwnerships.Where(o => o.OwnerId == demoOwner).OrderByDescending(o => o.IsPrimary).Select(o => o.UnitId).FirstAsync(ct);
        var homes = await db.UnitOwnerships.Where(o => o.IsPrimary && o.UnitId != ownersUnit && o.Unit!.State == UnitState.Occupied)
            .OrderBy(o => o.UnitId).Select(o => new { o.UnitId, o.OwnerId, o.Owner!.Name, o.Owner.Phone }).Take(20).ToListAsync(ct);
        var ownerName = await db.Owners.Where(o => o.Id == demoOwner).Select(o => new { o.Name, o.Phone }).FirstAsync(ct);
        if (homes.Count < 16) return;
        var next = 0;
        var perDay = new Dictionary<DateOnly, int>();

        DateTime At(int daysAgo, int hour = 10, int minute = 0) => clock.ToUtc(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute)));
        Complaint New(DateTime at, ComplaintKind kind, ComplaintChannel channel, string? category, string facts, string? demand = null,
            SameDayReason sameDay = SameDayReason.None, (int UnitId, int OwnerId, string Name, string? Phone)? home = null, bool byOwner = false)
        {
            var h = home ?? (homes[next].UnitId, homes[next].OwnerId, homes[next].Name, homes[next++].Phone);
            var c = Complaint.Register(new ComplaintIntake(kind, channel, h.UnitId, h.Name, h.Phone, facts, demand, category, sameDay),
                h.OwnerId, byOwner, byOwner ? "" : staff.Id, byOwner ? h.Name : staff.DisplayName, at, settings, ctime);
            c.ProjectId = project.Id;
            var day = ctime.LocalDate(at);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            c.Number = ComplaintFiling.Number(day, perDay[day]);
            db.Complaints.Add(c);
            return c;
        }
        void Classify(Complaint c, DateTime at, ComplaintClass? cls, string reason, string category, string dept) =>
            c.Classify(new ComplaintClassification(cls, cls == null ? null : reason, category, SameDayReason.None, dept,
                dept == "工程部" ? tech.Id : staff.Id, dept == "工程部" ? tech.DisplayName! : staff.DisplayName!), settings, staff.DisplayName!, at, ctime);
        void Handle(Complaint c, DateTime planAt, string plan, DateTime handledAt, string result)
        {
            c.RecordPlan(plan, c.HandlerName!, planAt, settings, ctime);
            c.Handle(result, "处理结果已与客户确认", c.HandlerName!, handledAt, settings, ctime);
        }
        void Callback(Complaint c, DateTime at, Satisfaction s, bool accepts = false, string? opinion = null) =>
            c.RecordCallback(new ComplaintCallbackAnswer(s, accepts, opinion), staff.DisplayName!, at, settings, ctime);

        // Earlier months (for the quarter's statistics): closed ones, one late, one repeat pair, a praise.
        var e1 = New(At(80), ComplaintKind.Complaint, ComplaintChannel.Phone, "维修服务", "卫生间吊顶渗水，报修两次仍未修好", "尽快彻底修好");
        Classify(e1, At(80, 11), ComplaintClass.Valid, "维修不彻底，属物业服务质量问题", "维修服务", "工程部");
        Handle(e1, At(79), "更换楼上排水管接头并修补吊顶", At(78), "已更换接头，吊顶修补完毕，连续观察 3 天无渗水");
        Callback(e1, At(75), Satisfaction.Satisfied);
        var e2 = New(At(66), ComplaintKind.Complaint, ComplaintChannel.Visit, "停车管理", "地下车库车位被外来车辆占用", "加强车库管理");
        Classify(e2, At(66, 11), ComplaintClass.Valid, "车库岗位巡查不到位", "停车管理", "安保部");
        Handle(e2, At(65), "车库入口增设临时车辆登记，每两小时巡查一次", At(58), "已落实登记与巡查，占位车辆已移走");
        Callback(e2, At(56), Satisfaction.VerySatisfied);
        var e3 = New(At(50), ComplaintKind.Complaint, ComplaintChannel.Phone, "收费问题", "对物业费上涨有疑问", "解释收费依据");
        Classify(e3, At(50, 11), ComplaintClass.Invalid, "收费标准经业主大会通过，客户未了解", "收费问题", "客服部");
        Handle(e3, At(49), "向客户出示业主大会决议及收费公示", At(49, 15), "已当面解释收费依据，客户表示理解");
        Callback(e3, At(47), Satisfaction.Neutral);
        New(At(40), ComplaintKind.Praise, ComplaintChannel.Letter, null, "感谢维修师傅周末上门及时修好水管");
        var e4 = New(At(35), ComplaintKind.Suggestion, ComplaintChannel.MessageBoard, "绿化环境", "建议在儿童游乐区增设遮阳棚");
        Classify(e4, At(35, 11), null, "", "绿化环境", "绿化部");
        Handle(e4, At(34), "报公司审批后采购遮阳棚", At(30), "遮阳棚已安装");
        Callback(e4, At(28), Satisfaction.VerySatisfied);

        // 已关闭 有效 满意 — and the first of the repeat pair (the 处理中 one below is the same unit and category).
        (int UnitId, int OwnerId, string Name, string? Phone) repeatHome = (homes[next].UnitId, homes[next].OwnerId, homes[next].Name, homes[next++].Phone);
        var closedValid = New(At(20), ComplaintKind.Complaint, ComplaintChannel.Phone, "维修服务", "楼道灯损坏一周无人维修", "尽快修好", home: repeatHome);
        Classify(closedValid, At(20, 11), ComplaintClass.Valid, "公共照明维修不及时", "维修服务", "工程部");
        Handle(closedValid, At(19), "当天更换灯具", At(19, 16), "已更换 3 盏楼道灯");
        Callback(closedValid, At(17), Satisfaction.VerySatisfied, opinion: "师傅很负责");

        // 已关闭 待改进: the customer accepted the explanation.
        var improve = New(At(15), ComplaintKind.Complaint, ComplaintChannel.Letter, "设施设备", "外墙瓷砖有脱落隐患", "开发商维修");
        Classify(improve, At(15, 11), ComplaintClass.ToImprove, "属开发商保修范围，已报开发商", "设施设备", "工程部");
        Handle(improve, At(14), "设置警示围挡，函告开发商限期维修", At(13), "围挡已设置，开发商承诺下月维修");
        Callback(improve, At(11), Satisfaction.Neutral, accepts: true, opinion: "接受解释，等待开发商维修");

        // 无效, closed with the explanation given.
        var invalid = New(At(12), ComplaintKind.Complaint, ComplaintChannel.Phone, "噪音扰民", "夜间听到楼上施工噪音", "制止施工");
        Classify(invalid, At(12, 11), ComplaintClass.Invalid, "经查为楼上住户正常生活噪音，非施工", "噪音扰民", "客服部");
        Handle(invalid, At(11), "上门核实并向客户说明", At(11, 15), "已说明核实情况，并提醒楼上住户注意夜间噪音");
        Callback(invalid, At(10), Satisfaction.Dissatisfied, opinion: "仍觉得吵");

        // A consultation answered the same day, and a praise.
        var consult = New(At(6), ComplaintKind.Consultation, ComplaintChannel.Phone, null, "咨询装修押金退还需要多久");
        consult.Answer("验收合格且观察期满后 15 个工作日内退还", staff.DisplayName!, At(6, 10, 20));
        New(At(5), ComplaintKind.Praise, ComplaintChannel.Visit, null, "感谢保安深夜帮忙搬运行李");

        // 待回访: handled two days ago.
        var handled = New(At(6), ComplaintKind.Complaint, ComplaintChannel.Phone, "保洁卫生", "垃圾桶满溢未及时清运", "每天清运两次");
        Classify(handled, At(6, 11), ComplaintClass.Valid, "保洁清运频次不足", "保洁卫生", "保洁部");
        Handle(handled, At(5), "增加午间一次清运", At(2), "已调整为每天清运两次");

        // 处理中, put off with a reason — the repeat of the closed one above (same unit, same category, within 30 days).
        var delayed = New(At(5), ComplaintKind.Complaint, ComplaintChannel.Visit, "维修服务", "楼道灯又不亮了", "彻底检修线路", home: repeatHome);
        delayed.MarkRepeatOf(closedValid);
        Classify(delayed, At(5, 11), ComplaintClass.Valid, "同一问题再次发生，维修不彻底", "维修服务", "工程部");
        delayed.RecordPlan("检修整栋楼道照明线路", tech.DisplayName!, At(4), settings, ctime);
        delayed.Delay(ctime.LocalDate(delayed.HandleLimitAt!.Value), "线路老化需整体更换，材料需向供应商订购", At(3), ctime);
        delayed.FollowUp(FollowUpChannel.Phone, "告知客户材料已订购，到货后即更换", staff.DisplayName!, At(2));

        // 二次派单: not planned by its deadline, escalated half an hour ago (the head's own deadline is still ahead).
        var escalateAt = now.AddMinutes(-30);
        var back = 3;
        while (ctime.EndOfWorkingDays(At(back), settings.PlanWorkingDays) >= escalateAt) back++;
        var late = New(At(back), ComplaintKind.Complaint, ComplaintChannel.Phone, "维修服务", "电梯按钮失灵，多次反映无人处理", "尽快维修电梯");
        Classify(late, At(back, 11), ComplaintClass.Valid, "设备维护不及时", "维修服务", "工程部");
        late.FollowUp(FollowUpChannel.Phone, "告知客户已联系电梯维保单位", staff.DisplayName!, At(back - 1));
        late.Escalate(2, $"工程部负责人 {tech.DisplayName}", escalateAt, settings, ctime);

        // 待出方案: dispatched yesterday, followed up.
        var dispatched = New(At(1), ComplaintKind.Report, ComplaintChannel.Phone, "安全秩序", "小区东门夜间常有陌生人进出", "加强门岗管理");
        Classify(dispatched, At(1, 11), null, "", "安全秩序", "安保部");
        dispatched.FollowUp(FollowUpChannel.Message, "已回复客户：今晚起东门加派一名保安", staff.DisplayName!, At(1, 16));

        // 待分派: the demo owner's own portal filing this morning (the portal shows it).
        New(now.AddHours(-2), ComplaintKind.Complaint, ComplaintChannel.Portal, "噪音扰民", "楼下商铺早上 6 点开始装卸货，噪音很大", "调整装卸时间",
            home: (ownersUnit, demoOwner, ownerName.Name, (string?)ownerName.Phone), byOwner: true);

        await db.SaveChangesAsync(ct);
    }
}
