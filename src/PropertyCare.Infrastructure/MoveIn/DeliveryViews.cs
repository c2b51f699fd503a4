using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Repairs;
using PropertyCare.Infrastructure.Files;

namespace PropertyCare.Infrastructure.MoveIn;

/// <summary>A unit of a batch as the move-in screens head it: where it is, whose it is, and where its move-in stands.</summary>
public sealed record DeliveryUnitHeader(int BatchId, string BatchName, BatchStatus BatchStatus, int UnitId, string Unit, UnitState UnitState,
    int? OwnerId, string? OwnerName, string? OwnerPhoneMasked, int? InspectionId, int? ProcedureId);

/// <summary>A defect of the inspection with the repair order it became (number and status, once registered).</summary>
public sealed record DeliveryDefectView(string Room, string Item, string Description, int? RepairOrderId, string? RepairNumber, RepairStatus? RepairStatus);

/// <summary>The unit's last meter readings before this inspection (another inspection or a vacant-unit round), if any.</summary>
public sealed record PreviousMeters(MeterReadings Readings, DateTime At);

/// <summary>交付验收 as the desk's screen and the printed 交付验收单 show it.</summary>
public sealed record DeliveryInspectionDetail(
    int Id, int BatchId, string BatchName, int UnitId, string Unit, int OwnerId, string OwnerName, string OwnerPhoneMasked,
    int? AppointmentId, InspectionStatus Status, IReadOnlyList<InspectionLine> Lines, IReadOnlyList<DeliveryDefectView> Defects,
    MeterReadings Meters, PreviousMeters? Previous, SignatureKind? SignatureKind, int? SignatureFileId,
    IReadOnlyList<AttachmentInfo> Photos, DateTime? CompletedAt, int Version)
{
    public IReadOnlyList<string> Rooms => Lines.Select(l => l.Room).Distinct().ToList();
    public IReadOnlyList<string> Items => Lines.Select(l => l.Item).Distinct().ToList();
    public InspectionLine? Line(string room, string item) => Lines.FirstOrDefault(l => l.Room == room && l.Item == item);
    public int Open => Lines.Count(l => l.Result == CheckResult.NotChecked);
}

/// <summary>业主档案 for the move-in: complete when the owner has a name, an ID number and a phone, and owns this unit.</summary>
public sealed record OwnerFileStatus(int OwnerId, string OwnerName, bool HasName, bool HasIdNumber, bool HasPhone, bool OwnsUnit, int OwnerVersion)
{
    public bool Complete => HasName && HasIdNumber && HasPhone && OwnsUnit;

    public IReadOnlyList<Domain.Common.Text> Missing =>
    [
        .. HasName ? [] : new[] { new Domain.Common.Text("业主姓名", "owner name") },
        .. HasIdNumber ? [] : new[] { new Domain.Common.Text("证件号码", "ID number") },
        .. HasPhone ? [] : new[] { new Domain.Common.Text("手机号码", "phone") },
        .. OwnsUnit ? [] : new[] { new Domain.Common.Text("本房屋的产权关系", "ownership of this unit") },
    ];
}

/// <summary>办理入伙手续 as the desk's screen and the printed 入伙手续办理单 / 钥匙交接单 show it.</summary>
public sealed record MoveInProcedureDetail(
    int Id, int BatchId, string BatchName, int UnitId, string Unit, UnitState UnitState, int OwnerId, string OwnerName, string OwnerPhoneMasked,
    ProcedureStatus Status, IReadOnlyList<DocumentCheck> Documents, IReadOnlyList<FeeRecord> Fees, IReadOnlyList<KeyHandover> Keys,
    string? KeysReceivedBy, UnitState? DeliveredAs, DateTime? CompletedAt, InspectionStatus? InspectionStatus, OwnerFileStatus OwnerFile, int Version)
{
    public decimal FeeTotal => Fees.Sum(f => f.Amount);
}

/// <summary>An owner's view of a delivery inspection of one of their units (portal).</summary>
public sealed record PortalDeliveryInspection(
    int Id, string Unit, string BatchName, InspectionStatus Status, DateTime? CompletedAt, int Lines, int Passed, int Failed, int NotApplicable,
    IReadOnlyList<DeliveryDefectView> Defects, MeterReadings Meters, IReadOnlyList<AttachmentInfo> Photos);
