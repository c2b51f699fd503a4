using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>An application under way, made through the real steps (file, desk check, review, permit), for part C's tests.</summary>
internal static class PatrolWorld
{
    public static readonly DateOnly Today = new(2026, 11, 26);
    public static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    public static (RenovationApplication App, Unit Unit, RenovationSettings Settings) Working()
    {
        var settings = RenovationSettings.Defaults(1);
        var unit = new Unit { Id = 7, ProjectId = 1, Area = 100m, State = UnitState.Vacant };
        var app = RenovationApplication.File(7, 3, new ApplicationDetails("好家装饰", "91310000ABC", "王师傅", "13800138000", ["墙面涂刷/贴砖"],
            Today, Today.AddDays(30), null), settings, true, "owner", Now, Today);
        app.ProjectId = 1;
        app.Id = 11;
        app.DeskCheck(true, null, "desk", Now);
        app.Review(ReviewDecision.Approved, null, settings, unit.Area, "mgr", Now);
        app.IssuePermit("XK-1", app.DepositDue, app.FeesDue.Select(f => f.Name).ToList(), 1, unit, "desk", Now);
        return (app, unit, settings);
    }

    public static Dictionary<string, (CheckResult, string?)> AllPassed(IReadOnlyList<string> items) =>
        items.ToDictionary(i => i, _ => (CheckResult.Passed, (string?)null));
}
