namespace PropertyCare.Domain.Tenancy;

/// <summary>物业项目 — one estate, and one tenant: every tenant-owned record carries its Id.</summary>
public class Project
{
    public int Id { get; set; }
    public int CompanyId { get; set; }
    public Company? Company { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Short code used in record numbers and import templates.</summary>
    public string Code { get; set; } = "";
    public string City { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>IANA zone the project's staff work in; times are stored in UTC and shown in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
