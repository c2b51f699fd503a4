using PropertyCare.Domain.Access;
using PropertyCare.Domain.Files;


namespace PropertyCare.Infrastructure.Renovation;

/// <summary>Who may open a deposit damage photo (<see cref="AttachmentKind.DepositDamagePhoto"/>): staff who read
/// renovations in the project (the file is already limited to the project by the data layer). Owners do not see them
/// here: what they see of a deduction is its reason and amount on their deposit summary.</summary>
internal static class DepositAttachmentRule
{
    public static bool StaffMayRead(UserIdentity user, AttachmentKind kind) =>
        kind == AttachmentKind.DepositDamagePhoto && user.Has(Permissions.RenovationRead);
}
