namespace PropertyCare.Domain.Tenancy;

/// <summary>物业公司 — the SaaS customer. Owns many projects; its HQ users see all of them.</summary>
public class Company
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Code { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
