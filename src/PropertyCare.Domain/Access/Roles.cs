namespace PropertyCare.Domain.Access;

public static class Roles
{
    public const string PlatformAdmin = "PlatformAdmin";
    public const string HqAuditor = "HqAuditor";
    public const string ProjectManager = "ProjectManager";
    public const string ServiceDesk = "ServiceDesk";
    public const string Technician = "Technician";
    public const string Owner = "Owner";

    public static readonly string[] All = [PlatformAdmin, HqAuditor, ProjectManager, ServiceDesk, Technician, Owner];

    /// <summary>Roles a project manager may give to the project's staff.</summary>
    public static readonly string[] ProjectStaff = [ServiceDesk, Technician];

    public static Common.Text Label(string role) => role switch
    {
        PlatformAdmin => new("平台管理员", "Platform admin"),
        HqAuditor => new("总部品质审核", "HQ quality auditor"),
        ProjectManager => new("客服中心经理", "Service-centre manager"),
        ServiceDesk => new("客服专员", "Service-desk staff"),
        Technician => new("维修技工", "Technician"),
        Owner => new("业主", "Owner"),
        _ => new(role, role),
    };
}
