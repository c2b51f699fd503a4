using PropertyCare.Domain.Common;
using PropertyCare.Domain.Complaints;
using static PropertyCare.Domain.Tests.Complaints.ComplaintWorld;

namespace PropertyCare.Domain.Tests.Complaints;

public sealed class ComplaintContactShareTests
{
    private static readonly DateTime Monday = At(11, 23, 9);

    [Fact]
    public void The_contact_is_given_to_the_handler_only_and_a_reassignment_takes_it_away()
    {
        var c = Dispatched(Monday);
        Assert.False(c.ContactSharedWith("u-clean"));
        c.ShareContactWithHandler("李客服", Monday.AddHours(2));
        Assert.True(c.ContactSharedWith("u-clean"));
        Assert.False(c.ContactSharedWith("u-other"));
        Assert.Equal(("u-clean", "李客服", Monday.AddHours(2)), (c.ContactSharedWithId, c.ContactSharedBy, c.ContactSharedAt));
        Assert.Throws<DomainException>(() => c.ShareContactWithHandler("李客服", Monday.AddHours(3)));

        // Same handler again (a reassignment to another department, same person): kept.
        c.Reassign("工程部", "u-clean", "赵保洁", Settings);
        Assert.True(c.ContactSharedWith("u-clean"));
        c.Reassign("工程部", "u-eng", "孙工", Settings);
        Assert.False(c.ContactSharedWith("u-clean"));
        Assert.False(c.ContactSharedWith("u-eng"));
        Assert.Null(c.ContactSharedBy);
        Assert.Null(c.ContactSharedAt);
    }

    [Fact]
    public void Nothing_to_give_before_dispatch_or_once_closed()
    {
        Assert.Throws<IllegalStepException>(() => Registered(Monday).ShareContactWithHandler("u", Monday));
        var closed = Handled(Monday);
        closed.ShareContactWithHandler("u", Monday.AddHours(6)); // 待回访: the handler may still need to call
        closed.RecordCallback(new(Domain.Repairs.Satisfaction.Satisfied, false, null), "u", Monday.AddDays(1), Settings, Time);
        var other = Handled(Monday);
        other.RecordCallback(new(Domain.Repairs.Satisfaction.Satisfied, false, null), "u", Monday.AddDays(1), Settings, Time);
        Assert.Throws<IllegalStepException>(() => other.ShareContactWithHandler("u", Monday.AddDays(2)));
    }
}
