using PropertyCare.Domain.Common;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;

namespace PropertyCare.Domain.Tests.MoveIn;

/// <summary>The exact limits and per-value rules of docs/move-in.md: defaults, boundaries, field names, labels.</summary>
public sealed class MoveInRulesTests
{
    private static readonly DateTime At = new(2026, 12, 10, 3, 0, 0, DateTimeKind.Utc);

    private static string[] Fields(Action a) => Assert.Throws<ValidationException>(a).Errors.Select(e => e.Field).ToArray();

    [Fact]
    public void The_default_documents_are_required_except_the_power_of_attorney()
    {
        Assert.Equal(
        [
            ("业主身份证件", true), ("购房合同", true), ("入伙通知书", true), ("委托书及受托人身份证件（代办时）", false),
            ("临时管理规约签署", true), ("业主信息登记表", true),
        ], MoveInProcedure.DefaultDocuments);
    }

    [Fact]
    public void Each_status_label_is_its_own()
    {
        Assert.Equal(new Text("验收中", "Open"), TakeOverStatus.Open.Label());
        Assert.Equal(new Text("已完成", "Completed"), TakeOverStatus.Completed.Label());
        Assert.Equal(new Text("办理中", "In progress"), ProcedureStatus.InProgress.Label());
        Assert.Equal(new Text("已办结", "Completed"), ProcedureStatus.Completed.Label());
        Assert.Equal(new Text("平板签名", "Signed on tablet"), SignatureKind.Tablet.Label());
        Assert.Equal(new Text("纸质签字扫描件", "Signed paper scan"), SignatureKind.PaperScan.Label());
    }

    [Fact]
    public void A_receipt_number_may_be_twice_a_label_long_and_no_longer()
    {
        var p = MoveInProcedure.Start(7, 101, 11, []);
        p.RecordFee("物业费", 10m, new string('9', TextLimits.Label * 2));
        Assert.Equal(["ReceiptNumber"], Fields(() => p.RecordFee("物业费", 10m, new string('8', TextLimits.Label * 2 + 1))));
        Assert.Single(p.Fees);
    }

    [Fact]
    public void A_fee_item_over_its_limit_is_refused_by_name()
    {
        var p = MoveInProcedure.Start(7, 101, 11, []);
        Assert.Equal(["Item"], Fields(() => p.RecordFee(new string('费', TextLimits.Label + 1), 10m, "SJ-1")));
    }

    [Fact]
    public void One_bad_key_line_among_good_ones_is_refused()
    {
        var p = MoveInProcedure.Start(7, 101, 11, []);
        Assert.Equal(["Keys"], Fields(() => p.HandOverKeys([new("入户门钥匙", 2), new(" ", 1)], "王建国")));
        Assert.Equal(["Keys"], Fields(() => p.HandOverKeys([new("入户门钥匙", 2), new("门禁卡", 0)], "王建国")));
        Assert.Equal(["Keys"], Fields(() => p.HandOverKeys([new("入户门钥匙", 2), new("门禁卡", 100)], "王建国")));
        Assert.Equal(["Keys"], Fields(() => p.HandOverKeys([new("入户门钥匙", 2), new("门禁卡", 1), new(" 门禁卡", 1)], "王建国")));
        Assert.Equal(["KeysReceivedBy"], Fields(() => p.HandOverKeys([new("入户门钥匙", 2)], new string('王', TextLimits.PersonName + 1))));
        Assert.Empty(p.Keys);
        p.HandOverKeys([new("入户门钥匙", 1), new("门禁卡", 99)], new string('王', TextLimits.PersonName));
        Assert.Equal(2, p.Keys.Count);
    }

    [Fact]
    public void A_completed_procedure_takes_no_more_ticks_or_keys()
    {
        var p = MoveInProcedure.Start(7, 101, 11, [("业主身份证件", true)]);
        p.TickDocument("业主身份证件", true);
        p.HandOverKeys([new("入户门钥匙", 1)], "王建国");
        p.Complete(new Unit { Id = 101, State = UnitState.NotDelivered }, DeliveryInspectionTests.SignedAndCompleted(), true, UnitState.Vacant, At);
        Assert.Throws<IllegalStepException>(() => p.TickDocument("业主身份证件", false));
        Assert.Throws<IllegalStepException>(() => p.HandOverKeys([new("信箱钥匙", 1)], "王建国"));
        Assert.Throws<IllegalStepException>(() => p.Complete(new Unit { Id = 101, State = UnitState.NotDelivered }, DeliveryInspectionTests.SignedAndCompleted(), true, UnitState.Vacant, At));
        Assert.True(p.Documents[0].Received);
    }

    [Fact]
    public void Completing_with_another_units_inspection_is_refused()
    {
        var p = MoveInProcedure.Start(7, 101, 11, []);
        p.HandOverKeys([new("入户门钥匙", 1)], "王建国");
        var other = DeliveryInspection.Start(7, 102, 11, null, ["客厅"], ["墙面"]);
        other.Record("客厅", "墙面", CheckResult.Passed, null);
        other.ReadMeters(new(1m, 1m, null));
        other.Sign(SignatureKind.Tablet, 5);
        other.Complete(At);
        var u = new Unit { Id = 101, State = UnitState.NotDelivered };
        Assert.Throws<ArgumentException>(() => p.Complete(u, other, true, UnitState.Vacant, At));
        Assert.Throws<ArgumentException>(() => p.Complete(new Unit { Id = 102, State = UnitState.NotDelivered }, DeliveryInspectionTests.SignedAndCompleted(), true, UnitState.Vacant, At));
        Assert.Equal(UnitState.NotDelivered, u.State);
        Assert.Equal(ProcedureStatus.InProgress, p.Status);
    }

    [Fact]
    public void Room_and_item_names_may_be_a_label_long_and_no_longer()
    {
        var label = new string('房', TextLimits.Label);
        Assert.Single(DeliveryInspection.Start(7, 101, 11, null, [label], [new string('项', TextLimits.Label)]).Lines);
        Assert.Equal(["Rooms"], Fields(() => DeliveryInspection.Start(7, 101, 11, null, [label + "房"], ["墙面"])));
        Assert.Equal(["Rooms"], Fields(() => DeliveryInspection.Start(7, 101, 11, null, ["客厅", "厨房"], ["墙面", new string('项', TextLimits.Label + 1)])));
        Assert.Equal(["Rooms"], Fields(() => DeliveryInspection.Start(7, 101, 11, null, ["客厅"], ["客厅", new string('项', TextLimits.Label + 1)])));
    }

    [Fact]
    public void Recording_finds_the_line_by_room_and_item()
    {
        var i = DeliveryInspection.Start(7, 101, 11, null, ["客厅", "厨房"], ["墙面", "地面"]);
        i.Record("客厅", "地面", CheckResult.Failed, "地砖空鼓");
        Assert.Equal(CheckResult.Failed, i.Lines.Single(l => l.Room == "客厅" && l.Item == "地面").Result);
        Assert.Equal(CheckResult.NotChecked, i.Lines.Single(l => l.Room == "客厅" && l.Item == "墙面").Result);
        i.Record("厨房", "地面", CheckResult.Failed, "积水");
        i.Record("客厅", "墙面", CheckResult.Failed, "开裂");
        i.Record("客厅", "墙面", CheckResult.Passed, null);
        Assert.Equal(["客厅-地面", "厨房-地面"], i.Defects.Select(d => $"{d.Room}-{d.Item}"));
    }

    [Fact]
    public void A_defect_note_may_be_a_description_long_and_no_longer()
    {
        var i = DeliveryInspection.Start(7, 101, 11, null, ["客厅"], ["墙面"]);
        Assert.Equal(["Note"], Fields(() => i.Record("客厅", "墙面", CheckResult.Failed, new string('裂', TextLimits.Description + 1))));
        Assert.Equal(CheckResult.NotChecked, i.Lines[0].Result);
        i.Record("客厅", "墙面", CheckResult.Failed, new string('裂', TextLimits.Description));
        Assert.Equal(TextLimits.Description, i.Defects[0].Description.Length);
    }

    [Fact]
    public void A_completed_inspection_takes_no_more_readings_signatures_or_completions()
    {
        var i = DeliveryInspectionTests.SignedAndCompleted();
        Assert.Throws<IllegalStepException>(() => i.ReadMeters(new(99m, 99m, null)));
        Assert.Throws<IllegalStepException>(() => i.Sign(SignatureKind.PaperScan, 77));
        var completedAt = i.CompletedAt;
        Assert.Throws<IllegalStepException>(() => i.Complete(completedAt!.Value.AddDays(1)));
        Assert.Equal(completedAt, i.CompletedAt);
        Assert.Equal(12.5m, i.Meters.Water);
        Assert.Equal(SignatureKind.Tablet, i.SignatureKind);
        Assert.Equal(42, i.SignatureFileId);
    }

    [Fact]
    public void Water_and_power_may_wait_until_completion()
    {
        var i = DeliveryInspection.Start(7, 101, 11, null, ["客厅"], ["墙面"]);
        i.ReadMeters(new(null, null, 3m));
        Assert.Equal(3m, i.Meters.Gas);
    }
}
