using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PropertyCare.Domain.Auditing;
using PropertyCare.Domain.Calendar;
using PropertyCare.Domain.Jobs;
using PropertyCare.Domain.Notifications;
using PropertyCare.Domain.Common;
using PropertyCare.Domain.Files;
using PropertyCare.Domain.MoveIn;
using PropertyCare.Domain.VacantUnits;
using PropertyCare.Domain.Owners;
using PropertyCare.Domain.Renovation;
using PropertyCare.Domain.Complaints;
using PropertyCare.Domain.Repairs;
using PropertyCare.Domain.Quality;
using PropertyCare.Domain.Surveys;
using PropertyCare.Domain.Tenancy;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure.Data;

/// <summary>The application database. Tenant isolation lives here, below every screen: a query filter
/// limits tenant-owned rows to the current project, and SaveChanges refuses writes to any other.</summary>
public partial class AppDbContext(DbContextOptions<AppDbContext> options, TenantContext? tenant)
    : IdentityDbContext<AppUser, AppRole, string>(options)
{
    private readonly TenantContext? _tenant = tenant;

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectAssignment> ProjectAssignments => Set<ProjectAssignment>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Owner> Owners => Set<Owner>();
    public DbSet<UnitOwnership> UnitOwnerships => Set<UnitOwnership>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<EmergencyContact> EmergencyContacts => Set<EmergencyContact>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<SensitiveAccess> SensitiveAccesses => Set<SensitiveAccess>();
    public DbSet<AccountEvent> AccountEvents => Set<AccountEvent>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<StoredDataProtectionKey> DataProtectionKeys => Set<StoredDataProtectionKey>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<RepairOrder> RepairOrders => Set<RepairOrder>();
    public DbSet<Callback> Callbacks => Set<Callback>();
    public DbSet<RepairPhoto> RepairPhotos => Set<RepairPhoto>();
    public DbSet<RepairSettings> RepairSettings => Set<RepairSettings>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DeliveryBatch> DeliveryBatches => Set<DeliveryBatch>();
    public DbSet<DeliverySlot> DeliverySlots => Set<DeliverySlot>();
    public DbSet<DeliveryAppointment> DeliveryAppointments => Set<DeliveryAppointment>();
    public DbSet<TakeOverInspection> TakeOverInspections => Set<TakeOverInspection>();
    public DbSet<TakeOverDefect> TakeOverDefects => Set<TakeOverDefect>();
    public DbSet<DeliveryInspection> DeliveryInspections => Set<DeliveryInspection>();
    public DbSet<MoveInProcedure> MoveInProcedures => Set<MoveInProcedure>();
    public DbSet<VacantInspectionTask> VacantInspectionTasks => Set<VacantInspectionTask>();
    public DbSet<VacantUnitInspection> VacantUnitInspections => Set<VacantUnitInspection>();
    public DbSet<KeyCustody> KeyCustodies => Set<KeyCustody>();
    public DbSet<VacantInspectionSettings> VacantInspectionSettings => Set<VacantInspectionSettings>();
    // Renovation (装修) — core records; the ledger, patrols, violations and acceptances follow below.
    public DbSet<RenovationApplication> RenovationApplications => Set<RenovationApplication>();
    public DbSet<RenovationWorker> RenovationWorkers => Set<RenovationWorker>();
    public DbSet<RenovationSettings> RenovationSettings => Set<RenovationSettings>();
    /// <summary>Append-only: the database refuses updates and deletes of its rows.</summary>
    public DbSet<DepositLedgerEntry> DepositLedger => Set<DepositLedgerEntry>();
    public DbSet<DepositDeduction> DepositDeductions => Set<DepositDeduction>();
    public DbSet<DepositRefund> DepositRefunds => Set<DepositRefund>();
    public DbSet<RenovationPatrol> RenovationPatrols => Set<RenovationPatrol>();
    public DbSet<RenovationViolation> RenovationViolations => Set<RenovationViolation>();
    public DbSet<RenovationAcceptance> RenovationAcceptances => Set<RenovationAcceptance>();
    // Complaints (客户投诉).
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintSettings> ComplaintSettings => Set<ComplaintSettings>();
    // HQ quality audit (两级回访, 整改通知) and satisfaction surveys (满意度调查).
    public DbSet<CallbackSample> CallbackSamples => Set<CallbackSample>();
    public DbSet<CallbackAudit> CallbackAudits => Set<CallbackAudit>();
    public DbSet<RectificationNotice> RectificationNotices => Set<RectificationNotice>();
    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();
    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    // Quality part A: the company's 抽访设置 (share, minimum, notice deadline days).
    public DbSet<CompanyQualitySettings> CompanyQualitySettings => Set<CompanyQualitySettings>();
    // Issue 15 Part C: KPI weights per company and the report snapshots (immutable: QualityReportGuard).
    public DbSet<PropertyCare.Domain.Kpis.KpiWeightSet> KpiWeightSets => Set<PropertyCare.Domain.Kpis.KpiWeightSet>();
    public DbSet<PropertyCare.Domain.Kpis.QualityReport> QualityReports => Set<PropertyCare.Domain.Kpis.QualityReport>();

    /// <summary>Read by the query filters at query time; -1 (no project) matches nothing.</summary>
    internal int CurrentProjectId => _tenant?.ProjectId ?? -1;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var type in b.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ITenantOwned).IsAssignableFrom(t)).ToList())
            GetType().GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type).Invoke(this, [b]);
    }

    private void ApplyTenantFilter<T>(ModelBuilder b) where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.ProjectId == CurrentProjectId;
        b.Entity<T>().HasQueryFilter(filter);
        b.Entity<T>().HasIndex(e => e.ProjectId);
    }
}

/// <summary>Data Protection keys live in the database, so every app instance behind the proxy
/// shares them and cookies survive restarts and redeploys.</summary>
public class StoredDataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
