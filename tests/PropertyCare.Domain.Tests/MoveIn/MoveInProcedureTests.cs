using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.Tests.MoveIn;

public sealed class MoveInProcedureTests
{
    private static readonly DateTime At = new(2026, 12, 10, 3, 0, 0, DateTimeKind.Utc);

    private static MoveInProcedure New() => MoveInProcedure.Start(7, 101, 11, [("业主身份证件", true), ("购房合同", true), ("委托书", false)]);

    private static Unit Unit(UnitState state = UnitState.NotDelivered) => new() { Id = 101, State = state };

    private static MoveInProcedure Ready()
    {
        var p = New();
        p.TickDocument("业主身份证件", true);
        p.TickDocument("购房合同", true);
        p.RecordFee("物业费", 1234.56m, "SJ-0001");
        p.HandOverKeys([new("入户门钥匙", 3), new("门禁卡", 2)], "王建国");
        return p;
    }

    [Fact]
    public void Completing_delivers_the_unit_in_the_chosen_state()
    {
        foreach (var state in UnitRules.DeliveredStates)
        {
            var p = Ready();
            var u = Unit();
            p.Complete(u, DeliveryInspectionTests.SignedAndCompleted(), ownerFileComplete: true, state, At);
            Assert.Equal(state, u.State);
            Assert.Equal(state, p.DeliveredAs);
            Assert.Equal(ProcedureStatus.Completed, p.Status);
            Assert.Throws<IllegalStepException>(() => p.RecordFee("x", 1, "SJ-9"));
        }
    }

    [Fact]
    public void Completing_refuses_missing_documents_keys_owner_file_unsigned_inspection_and_a_wrong_state_changing_nothing()
    {
        var p = New();
        var u = Unit();
        var ex = Assert.Throws<ValidationException>(() => p.Complete(u, DeliveryInspectionTests.New(), false, UnitState.Rented, At));
        Assert.Equal(["Inspection", "Documents", "Keys", "OwnerFile", "DeliveredAs"], ex.Errors.Select(e => e.Field));
        Assert.Contains("业主身份证件、购房合同", ex.Errors[1].Message.Zh);
        Assert.DoesNotContain("委托书", ex.Errors[1].Message.Zh);
        Assert.Equal(UnitState.NotDelivered, u.State);
        Assert.Equal(ProcedureStatus.InProgress, p.Status);
    }

    [Fact]
    public void An_already_delivered_unit_is_not_delivered_again()
    {
        var u = Unit(UnitState.Occupied);
        var ex = Assert.Throws<DomainException>(() => Ready().Complete(u, DeliveryInspectionTests.SignedAndCompleted(), true, UnitState.Vacant, At));
        Assert.Contains("已入住", ex.Text.Zh);
        Assert.Equal(UnitState.Occupied, u.State);
    }

    [Theory]
    [InlineData(UnitState.NotDelivered)]
    [InlineData(UnitState.Rented)]
    public void Unit_deliver_refuses_states_other_than_vacant_renovating_occupied(UnitState to)
    {
        var u = Unit();
        Assert.Throws<DomainException>(() => u.Deliver(to));
        Assert.Equal(UnitState.NotDelivered, u.State);
        u.Deliver(UnitState.Renovating);
        Assert.Throws<DomainException>(() => u.Deliver(UnitState.Occupied));
    }

    [Fact]
    public void Fees_need_an_item_a_positive_amount_with_two_decimals_and_a_receipt_number_used_once()
    {
        var p = New();
        p.RecordFee(" 物业费 ", 0.01m, " SJ-1 ");
        Assert.Equal(new FeeRecord("物业费", 0.01m, "SJ-1"), Assert.Single(p.Fees));
        Assert.Equal(["Item", "Amount", "ReceiptNumber"], Assert.Throws<ValidationException>(() => p.RecordFee("", 0m, "")).Errors.Select(e => e.Field));
        Assert.Equal("Amount", Assert.Throws<ValidationException>(() => p.RecordFee("x", -5m, "SJ-2")).Errors.Single().Field);
        Assert.Equal("Amount", Assert.Throws<ValidationException>(() => p.RecordFee("x", 1.005m, "SJ-2")).Errors.Single().Field);
        Assert.Equal("Amount", Assert.Throws<ValidationException>(() => p.RecordFee("x", MoveInProcedure.MaxFee + 1, "SJ-2")).Errors.Single().Field);
        Assert.Equal("ReceiptNumber", Assert.Throws<ValidationException>(() => p.RecordFee("装修押金", 100m, "SJ-1")).Errors.Single().Field);
        p.RecordFee("装修押金", MoveInProcedure.MaxFee, "SJ-2");
        Assert.Equal(2, p.Fees.Count);
    }

    [Fact]
    public void Keys_are_listed_by_type_and_count_to_a_named_receiver()
    {
        var p = New();
        p.HandOverKeys([new(" 入户门钥匙 ", 1), new("信箱钥匙", 99)], " 王建国 ");
        Assert.Equal([new KeyHandover("入户门钥匙", 1), new KeyHandover("信箱钥匙", 99)], p.Keys);
        Assert.Equal("王建国", p.KeysReceivedBy);
        Assert.Throws<ValidationException>(() => p.HandOverKeys([], "王建国"));
        Assert.Throws<ValidationException>(() => p.HandOverKeys([new("入户门钥匙", 0)], "王建国"));
        Assert.Throws<ValidationException>(() => p.HandOverKeys([new("入户门钥匙", 100)], "王建国"));
        Assert.Throws<ValidationException>(() => p.HandOverKeys([new(" ", 1)], "王建国"));
        Assert.Throws<ValidationException>(() => p.HandOverKeys([new("门卡", 1), new(" 门卡", 2)], "王建国"));
        Assert.Equal("KeysReceivedBy", Assert.Throws<ValidationException>(() => p.HandOverKeys([new("门卡", 1)], " ")).Errors.Single().Field);
        Assert.Equal(2, p.Keys.Count);
    }

    [Fact]
    public void An_unknown_document_is_refused_and_default_lists_exist()
    {
        Assert.Throws<DomainException>(() => New().TickDocument("户口本", true));
        Assert.Contains(MoveInProcedure.DefaultDocuments, d => d.Required);
        Assert.NotEmpty(MoveInProcedure.DefaultKeyTypes);
    }
}
