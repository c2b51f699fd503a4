using PropertyCare.Domain.Common;

namespace PropertyCare.Domain.Complaints;

/// <summary>The complainant's contact for the person handling it. Departments see the facts, not who complained; when the
/// handler must call or visit the customer, the desk shares the name and phone with that one person (logged as a reveal).
/// A reassignment takes it away: the next handler needs the desk's decision again.</summary>
public partial class Complaint
{
    public string? ContactSharedWithId { get; private set; }
    public string? ContactSharedBy { get; private set; }
    public DateTime? ContactSharedAt { get; private set; }

    public void ShareContactWithHandler(string by, DateTime atUtc)
    {
        IllegalStepException.Require(What, Status, ComplaintLabels.Label, ComplaintStatus.Dispatched, ComplaintStatus.Planned, ComplaintStatus.Handled);
        if (HandlerId == null) throw new DomainException(new("尚未派单，没有责任人", "Nobody is responsible yet"));
        if (ContactSharedWithId == HandlerId) throw new DomainException(new($"已向{HandlerName}提供客户联系方式", $"{HandlerName} already has the customer's contact"));
        ContactSharedWithId = HandlerId;
        ContactSharedBy = by;
        ContactSharedAt = atUtc;
    }

    /// <summary>Whether <paramref name="userId"/> is the handler the desk shared the contact with (and still the handler).</summary>
    public bool ContactSharedWith(string userId) => ContactSharedWithId != null && ContactSharedWithId == userId && HandlerId == userId;
}
