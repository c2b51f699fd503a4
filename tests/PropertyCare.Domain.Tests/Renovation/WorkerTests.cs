using PropertyCare.Domain.Common;
using PropertyCare.Domain.Renovation;

namespace PropertyCare.Domain.Tests.Renovation;

/// <summary>施工人员: registered with a valid name, ID number and phone; the pass is revoked, never deleted.</summary>
public sealed class WorkerTests
{
    [Fact]
    public void A_worker_is_registered_with_trimmed_values_and_an_upper_case_id()
    {
        var w = RenovationWorker.Register(5, " 李师傅 ", "11010519491231002x ", " 13700001111", "  ");
        Assert.Equal((5, "李师傅", "11010519491231002X", "13700001111"), (w.ApplicationId, w.Name, w.IdNumber, w.Phone));
        Assert.Null(w.Trade);
        Assert.False(w.Revoked);
        Assert.Equal(("RenovationApplication", 5), w.HistoryParent);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<ValidationException>(() => RenovationWorker.Register(5, "", "", "", null));
        Assert.Equal(["Name", "IdNumber", "Phone"], e.Errors.Select(x => x.Field));
        e = Assert.Throws<ValidationException>(() => RenovationWorker.Register(5, "李", "110105194912310021", "1234", new string('工', 50)));
        Assert.Equal(["IdNumber", "Phone", "Trade"], e.Errors.Select(x => x.Field));
        Assert.Equal("身份证号不正确", e.Errors[0].Message.Zh);
    }

    [Fact]
    public void A_pass_is_revoked_and_the_worker_kept()
    {
        var w = RenovationWorker.Register(5, "李师傅", "11010519491231002X", "13700001111", "电工");
        w.Revoke();
        Assert.True(w.Revoked);
        Assert.Equal("电工", w.Trade);
    }
}
