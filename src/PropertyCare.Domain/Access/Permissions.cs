namespace PropertyCare.Domain.Access;

/// <summary>What a user may do. Pages and services ask for a permission, never for a role, so the
/// role → permission table below is the one place access is decided.</summary>
public static class Permissions
{
    public const string ManagePlatform = "platform.manage";
    public const string HqRead = "hq.read";
    public const string OwnersRead = "owners.read";
    public const string OwnersWrite = "owners.write";
    /// <summary>See a full phone or ID number after an explicit, logged action.</summary>
    public const string OwnersReveal = "owners.reveal";
    public const string OwnersExport = "owners.export";
    public const string OwnersImport = "owners.import";
    public const string StaffManage = "staff.manage";
    public const string OwnerPortal = "portal.own";
    public const string RepairsRead = "repairs.read";
    /// <summary>Register, dispatch and cancel requests (the service desk).</summary>
    public const string RepairsWrite = "repairs.write";
    /// <summary>Work one's own orders: accept, arrive, complete, return (the technician).</summary>
    public const string RepairsWork = "repairs.work";
    public const string CallbacksWrite = "callbacks.write";
    /// <summary>Close an order without a satisfied callback, and change the project's repair settings.</summary>
    public const string RepairsManage = "repairs.manage";
    /// <summary>Read the account audit (resets, codes, disables, password changes): the platform admin for every
    /// company, head office for its own.</summary>
    public const string AccountsAudit = "accounts.audit";
    /// <summary>Read delivery batches, take-over defects, appointments, delivery inspections and move-in procedures, and
    /// the vacant units with their inspections and keys.</summary>
    public const string MoveInRead = "movein.read";
    /// <summary>Work move-in and vacant units at the desk: batches, slots, appointments, inspections, procedures, keys.</summary>
    public const string MoveInWrite = "movein.write";
    /// <summary>Set the project's vacant-unit inspection cycle and receive its escalations (the manager).</summary>
    public const string VacantManage = "vacant.manage";
    /// <summary>Read renovation applications, permits, workers, patrols, violations, acceptances and the deposit ledger.</summary>
    public const string RenovationRead = "renovation.read";
    /// <summary>Work renovations at the desk: file and check applications, register workers, collect deposits and fees,
    /// patrol, record violations and acceptances, request refunds and deductions.</summary>
    public const string RenovationWrite = "renovation.write";
    /// <summary>Engineering review of applications, extensions, stop-work orders, deductions and refund approval (the
    /// manager) — never the same person who requested the refund (four eyes), and the project's renovation settings.</summary>
    public const string RenovationApprove = "renovation.approve";
    /// <summary>Read every complaint of the project with its record and handling sheets, follow-ups and statistics.</summary>
    public const string ComplaintsRead = "complaints.read";
    /// <summary>Register, classify and dispatch complaints, follow up, call back, reopen, reveal the complainant (the desk).</summary>
    public const string ComplaintsWrite = "complaints.write";
    /// <summary>Work the complaints dispatched to oneself or to one's department as its head: plan, delay, handle. Without
    /// ComplaintsRead a user sees only those, and never the complainant's name or phone.</summary>
    public const string ComplaintsWork = "complaints.work";
    /// <summary>The manager's opinion on handling sheets, and the project's complaint settings.</summary>
    public const string ComplaintsManage = "complaints.manage";
    /// <summary>HQ's own records across its company's projects: re-call the weekly sample (抽访), issue, accept and return
    /// rectification notices, company-wide survey campaigns and templates, the KPI weights. Never a project's records.</summary>
    public const string HqAudit = "hq.audit";
    /// <summary>Read the project's quality audit (samples, findings, notices, KPIs, reports) and answer HQ's rectification
    /// notices (the manager).</summary>
    public const string QualityRectify = "quality.rectify";
    /// <summary>Define and run the project's own survey campaigns and templates, and read survey results (the manager).</summary>
    public const string SurveysManage = "surveys.manage";
    /// <summary>Record a phone interview on an owner's behalf in an open campaign (the desk).</summary>
    public const string SurveysInterview = "surveys.interview";

    public static readonly string[] All =
        [ManagePlatform, HqRead, OwnersRead, OwnersWrite, OwnersReveal, OwnersExport, OwnersImport, StaffManage, OwnerPortal,
         RepairsRead, RepairsWrite, RepairsWork, CallbacksWrite, RepairsManage, AccountsAudit, MoveInRead, MoveInWrite, VacantManage, RenovationRead, RenovationWrite, RenovationApprove,
         ComplaintsRead, ComplaintsWrite, ComplaintsWork, ComplaintsManage, HqAudit, QualityRectify, SurveysManage, SurveysInterview];

    private static readonly Dictionary<string, string[]> ByRole = new()
    {
        [Roles.PlatformAdmin] = [ManagePlatform, AccountsAudit],
        // HQ audits: reads every project of its company and calls owners back (抽访); it writes only its own records
        // (samples, findings, notices, campaigns, weights), never a project's.
        [Roles.HqAuditor] = [HqRead, OwnersRead, OwnersReveal, RepairsRead, AccountsAudit, MoveInRead, RenovationRead, ComplaintsRead, HqAudit],
        [Roles.ProjectManager] = [OwnersRead, OwnersWrite, OwnersReveal, OwnersExport, OwnersImport, StaffManage,
            RepairsRead, RepairsWrite, CallbacksWrite, RepairsManage, MoveInRead, MoveInWrite, VacantManage,
            RenovationRead, RenovationWrite, RenovationApprove, ComplaintsRead, ComplaintsWrite, ComplaintsWork, ComplaintsManage,
            QualityRectify, SurveysManage, SurveysInterview],
        [Roles.ServiceDesk] = [OwnersRead, OwnersWrite, OwnersReveal, RepairsRead, RepairsWrite, CallbacksWrite, MoveInRead, MoveInWrite,
            RenovationRead, RenovationWrite, ComplaintsRead, ComplaintsWrite, ComplaintsWork, SurveysInterview],
        // Technicians get owner contact through their work orders, not through the owner file.
        [Roles.Technician] = [RepairsWork, ComplaintsWork],
        [Roles.Owner] = [OwnerPortal],
    };

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(r => ByRole.TryGetValue(r, out var p) ? p : []).ToHashSet();
}
