using PropertyCare.Domain.Common;
using PropertyCare.Domain.Owners;

namespace PropertyCare.Domain.MoveIn;

public enum ProcedureStatus
{
    InProgress = 0, // 办理中
    Completed = 1,  // 已办结
}

/// <summary>A document the owner shows or hands in (证件资料), ticked on the checklist.</summary>
public sealed class DocumentCheck
{
    public string Name { get; init; } = "";
    public bool Required { get; init; }
    public bool Received { get; set; }
}

/// <summary>A fee paid at move-in, recorded with its receipt number (no payment is taken here).</summary>
public sealed record FeeRecord(string Item, decimal Amount, string ReceiptNumber);

/// <summary>钥匙交接单 line: a kind of key and how many were handed over.</summary>
public sealed record KeyHandover(string KeyType, int Count);

/// <summary>办理入伙手续 — after the delivery inspection is signed: documents checked, fees recorded with receipt
/// numbers, keys handed over (钥匙交接单) to a named person, the owner file (业主档案) complete, and the unit set to
/// 已入住, 装修中 or 空置 through <see cref="Unit.Deliver"/>.</summary>
public class MoveInProcedure : ITenantOwned, IHasHistory, IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int BatchId { get; private set; }
    public int UnitId { get; private set; }
    public int OwnerId { get; private set; }
    public ProcedureStatus Status { get; private set; }
    public List<DocumentCheck> Documents { get; private set; } = [];
    public List<FeeRecord> Fees { get; private set; } = [];
    public List<KeyHandover> Keys { get; private set; } = [];
    /// <summary>Who signed for the keys (the owner or a person with the owner's written authority).</summary>
    public string? KeysReceivedBy { get; private set; }
    public UnitState? DeliveredAs { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public int Version { get; set; }
    public (string Type, int Id)? HistoryParent => (nameof(DeliveryBatch), BatchId);

    /// <summary>The documents a centre asks for (ours; the project may add its own, optional ones).</summary>
    public static readonly (string Name, bool Required)[] DefaultDocuments =
    [
        ("业主身份证件", true), ("购房合同", true), ("入伙通知书", true), ("委托书及受托人身份证件（代办时）", false),
        ("临时管理规约签署", true), ("业主信息登记表", true),
    ];

    public static readonly string[] DefaultKeyTypes = ["入户门钥匙", "单元门禁卡", "信箱钥匙", "电表箱钥匙", "水表箱钥匙"];

    public const decimal MaxFee = 1_000_000m;

    private static readonly Text What = new("入伙手续", "move-in procedure");

    public static MoveInProcedure Start(int batchId, int unitId, int ownerId, IEnumerable<(string Name, bool Required)> documents) => new()
    {
        BatchId = batchId, UnitId = unitId, OwnerId = ownerId,
        Documents = documents.DistinctBy(d => d.Name).Select(d => new DocumentCheck { Name = d.Name, Required = d.Required }).ToList(),
    };

    public void TickDocument(string name, bool received)
    {
        RequireOpen();
        var d = Documents.FirstOrDefault(x => x.Name == name)
            ?? throw new DomainException(new($"资料清单中没有“{name}”", $"“{name}” is not on the document list"));
        d.Received = received;
    }

    public void RecordFee(string item, decimal amount, string receiptNumber)
    {
        RequireOpen();
        var e = new List<FieldError>();
        Checks.Required(e, nameof(FeeRecord.Item), item, TextLimits.Label, "收费项目", "Fee item");
        if (amount <= 0 || amount > MaxFee) e.Add(new(nameof(FeeRecord.Amount), new("金额应大于 0", "The amount must be above 0")));
        else if (decimal.Round(amount, 2) != amount) e.Add(new(nameof(FeeRecord.Amount), new("金额最多两位小数", "At most two decimals")));
        Checks.Required(e, nameof(FeeRecord.ReceiptNumber), receiptNumber, TextLimits.Label * 2, "收据号", "Receipt number");
        if (!string.IsNullOrWhiteSpace(receiptNumber) && Fees.Any(f => f.ReceiptNumber == receiptNumber.Trim()))
            e.Add(new(nameof(FeeRecord.ReceiptNumber), new("该收据号已登记", "This receipt number is recorded already")));
        e.ThrowIfAny();
        Fees.Add(new(item.Trim(), amount, receiptNumber.Trim()));
    }

    public void HandOverKeys(IEnumerable<KeyHandover> keys, string receivedBy)
    {
        RequireOpen();
        var list = keys.ToList();
        var e = new List<FieldError>();
        if (list.Count == 0) e.Add(new(nameof(Keys), new("请登记交接的钥匙", "List the keys handed over")));
        if (list.Any(k => string.IsNullOrWhiteSpace(k.KeyType))) e.Add(new(nameof(Keys), new("请填写钥匙类型", "Name each key type")));
        if (list.Any(k => k.Count is < 1 or > 99)) e.Add(new(nameof(Keys), new("每类钥匙数量应在 1–99 之间", "Each key count must be 1–99")));
        if (list.GroupBy(k => k.KeyType.Trim()).Any(g => g.Count() > 1)) e.Add(new(nameof(Keys), new("钥匙类型重复", "A key type is listed twice")));
        Checks.Required(e, nameof(KeysReceivedBy), receivedBy, TextLimits.PersonName, "领取人", "Received by");
        e.ThrowIfAny();
        Keys = list.Select(k => k with { KeyType = k.KeyType.Trim() }).ToList();
        KeysReceivedBy = receivedBy.Trim();
    }

    /// <summary>办结: checks everything, then delivers the unit. The owner file is completed on the same screen, so the
    /// caller says whether it now is (<paramref name="ownerFileComplete"/>: owner, ID, phone, ownership of this unit).</summary>
    public void Complete(Unit unit, DeliveryInspection inspection, bool ownerFileComplete, UnitState deliverAs, DateTime atUtc)
    {
        RequireOpen();
        if (unit.Id != UnitId || inspection.UnitId != UnitId) throw new ArgumentException("the unit and inspection must be this procedure's");
        var e = new List<FieldError>();
        if (inspection.Status != InspectionStatus.Completed)
            e.Add(new("Inspection", new("请先完成交付验收并由业主签字", "Complete and sign the delivery inspection first")));
        var missing = Documents.Where(d => d.Required && !d.Received).Select(d => d.Name).ToList();
        if (missing.Count > 0) e.Add(new(nameof(Documents), new($"缺少资料：{string.Join("、", missing)}", $"Missing documents: {string.Join(", ", missing)}")));
        if (Keys.Count == 0) e.Add(new(nameof(Keys), new("请登记钥匙交接", "Record the key handover")));
        if (!ownerFileComplete) e.Add(new("OwnerFile", new("请先完善业主档案", "Complete the owner file first")));
        if (!UnitRules.DeliveredStates.Contains(deliverAs))
            e.Add(new(nameof(DeliveredAs), new("交付后的房屋状态只能是空置、装修中或已入住", "A delivered unit becomes vacant, renovating or occupied")));
        e.ThrowIfAny();
        unit.Deliver(deliverAs);
        DeliveredAs = deliverAs;
        CompletedAt = atUtc;
        Status = ProcedureStatus.Completed;
    }

    private void RequireOpen() => IllegalStepException.Require(What, Status, MoveInLabels.Label, ProcedureStatus.InProgress);
}
