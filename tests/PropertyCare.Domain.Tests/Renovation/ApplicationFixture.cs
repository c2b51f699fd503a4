using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>A project's default settings, a well-filled form and applications brought to each status, for the
/// application tests.</summary>
internal static class ApplicationFixture
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    public static RenovationSettings Settings => RenovationSettings.Defaults(1);

    public static ApplicationDetails Form(params string[] scope) => new("鑫家装饰工程有限公司", "91330100mA2b3c4d5e", "王建国", "13912345678",
        scope.Length == 0 ? ["墙面涂刷/贴砖", "水电改造"] : scope, Today.AddDays(3), Today.AddDays(62), "  ");

    public static Unit Unit(UnitState state = UnitState.Vacant) => new() { Id = 7, Area = 89.5m, State = state };

    public static RenovationApplication Submitted() =>
        RenovationApplication.File(7, 3, Form(), Settings, byOwner: true, "u-owner", Now, Today);

    public static RenovationApplication UnderReview()
    {
        var a = Submitted();
        a.DeskCheck(true, null, "u-desk", Now);
        return a;
    }

    public static RenovationApplication Approved()
    {
        var a = UnderReview();
        a.Review(ReviewDecision.Approved, null, Settings, 89.5m, "u-mgr", Now);
        return a;
    }

    public static RenovationApplication Working(Unit? unit = null)
    {
        var a = Approved();
        a.IssuePermit("XK-0001", a.DepositDue, a.FeesDue.Select(f => f.Name).ToList(), 1, unit ?? Unit(), "u-desk", Now);
        return a;
    }
}
