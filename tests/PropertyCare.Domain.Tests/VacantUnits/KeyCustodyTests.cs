using PropertyCare.Domain.Common;
using PropertyCare.Domain.VacantUnits;

namespace PropertyCare.Domain.Tests.VacantUnits;

public sealed class KeyCustodyTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    private static KeyCustody New() => KeyCustody.Accept(101, 11, 33, new(2026, 11, 1), " 入户门钥匙 2 把 ");

    [Fact]
    public void Keys_are_held_only_with_the_owners_signed_authorisation()
    {
        var k = New();
        Assert.Equal((CustodyStatus.Held, "入户门钥匙 2 把", 33), (k.Status, k.KeyDescription, k.AuthorisationFileId));
        var ex = Assert.Throws<ValidationException>(() => KeyCustody.Accept(101, 11, 0, new(2026, 11, 1), " "));
        Assert.Equal(["AuthorisationFileId", "KeyDescription"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_loan_is_logged_and_returned()
    {
        var k = New();
        k.Lend(" 张师傅 ", " 维修水管 ", Now, Now.AddHours(4), "staff-1");
        Assert.Equal(CustodyStatus.OnLoan, k.Status);
        var l = k.CurrentLoan!;
        Assert.Equal(("张师傅", "维修水管", Now, Now.AddHours(4), "staff-1"), (l.Borrower, l.Purpose, l.BorrowedAt, l.ExpectedReturnAt, l.LentBy));
        Assert.Throws<IllegalStepException>(() => k.Lend("李", "看房", Now, Now.AddHours(1), "staff-1"));
        k.TakeBack(Now.AddHours(3));
        Assert.Equal(CustodyStatus.Held, k.Status);
        Assert.Null(k.CurrentLoan);
        Assert.Equal(Now.AddHours(3), Assert.Single(k.Loans).ReturnedAt);
        Assert.Throws<IllegalStepException>(() => k.TakeBack(Now));
    }

    [Fact]
    public void A_loan_needs_a_borrower_a_purpose_and_a_return_after_now_within_seven_days()
    {
        var k = New();
        var ex = Assert.Throws<ValidationException>(() => k.Lend(" ", "", Now, Now, "s"));
        Assert.Equal(["Borrower", "Purpose", "ExpectedReturnAt"], ex.Errors.Select(e => e.Field));
        Assert.Throws<ValidationException>(() => k.Lend("张", "修", Now, Now.Add(KeyCustody.MaxLoan).AddTicks(1), "s"));
        k.Lend("张", "修", Now, Now.Add(KeyCustody.MaxLoan), "s");
        Assert.Equal(CustodyStatus.OnLoan, k.Status);
    }

    [Fact]
    public void Due_exactly_now_is_not_overdue_a_tick_later_it_is_and_escalates_once_per_loan()
    {
        var k = New();
        Assert.False(k.IsOverdue(Now.AddYears(1)));
        var due = Now.AddHours(4);
        k.Lend("张", "修", Now, due, "s");
        Assert.False(k.IsOverdue(due));
        Assert.False(k.Escalate(due));
        Assert.True(k.IsOverdue(due.AddTicks(1)));
        Assert.True(k.Escalate(due.AddMinutes(5)));
        Assert.False(k.Escalate(due.AddMinutes(10)));
        k.TakeBack(due.AddHours(1));
        Assert.False(k.IsOverdue(due.AddDays(1)));

        k.Lend("李", "看房", due.AddDays(1), due.AddDays(1).AddHours(1), "s");
        Assert.Null(k.EscalatedAt);
        Assert.True(k.Escalate(due.AddDays(2)));
    }

    [Fact]
    public void A_return_before_the_loan_is_refused_and_keys_go_back_to_the_owner_only_when_held()
    {
        var k = New();
        k.Lend("张", "修", Now, Now.AddHours(1), "s");
        Assert.Throws<DomainException>(() => k.TakeBack(Now.AddTicks(-1)));
        Assert.Throws<IllegalStepException>(k.ReturnToOwner);
        k.TakeBack(Now);
        k.ReturnToOwner();
        Assert.Equal(CustodyStatus.Returned, k.Status);
        Assert.Contains("已归还业主", Assert.Throws<IllegalStepException>(() => k.Lend("张", "修", Now, Now.AddHours(1), "s")).Text.Zh);
    }

    [Fact]
    public void The_current_loan_is_the_unreturned_one_whatever_order_the_log_was_loaded_in()
    {
        var k = New();
        k.Lend("张", "修", Now, Now.AddHours(1), "s");
        k.TakeBack(Now.AddMinutes(30));
        k.Lend("李", "看房", Now.AddDays(1), Now.AddDays(1).AddHours(2), "s");
        k.Loans.Reverse(); // as a database might hand them back
        Assert.Equal("李", k.CurrentLoan!.Borrower);
        Assert.True(k.IsOverdue(Now.AddDays(1).AddHours(3)));
        k.TakeBack(Now.AddDays(1).AddHours(1));
        Assert.All(k.Loans, l => Assert.NotNull(l.ReturnedAt));
        Assert.Equal(Now.AddMinutes(30), k.Loans.Single(l => l.Borrower == "张").ReturnedAt);
    }
}
