using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PropertyCare.Domain.Access;
using PropertyCare.Infrastructure.Admin;
using PropertyCare.Infrastructure.Auditing;
using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Hq;
using PropertyCare.Infrastructure.Identity;
using PropertyCare.Infrastructure.Owners;
using PropertyCare.Infrastructure.Portal;
using PropertyCare.Infrastructure.Staff;
using PropertyCare.Infrastructure.Tenancy;

namespace PropertyCare.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultConnection = "Data Source=data/propertycare.db";

    public static IServiceCollection AddPropertyCareInfrastructure(this IServiceCollection services, IConfiguration config)
    {
        var provider = DatabaseProviders.FromConfig(config);
        var connection = config.GetConnectionString("Default")
            ?? (provider == DatabaseProvider.Sqlite ? DefaultConnection
                : throw new InvalidOperationException($"{DatabaseProviders.SettingKey} = {provider} needs ConnectionStrings:Default."));
        if (provider == DatabaseProvider.Sqlite) PrepareSqliteFolder(connection);
        services.AddSingleton(new DbContextOptionsBuilder<AppDbContext>().Use(provider, connection).Options);
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantAccessor>();
        services.AddScoped<IDbContextFactory<AppDbContext>, AppDbContextFactory>();
        // Identity's stores want a scoped DbContext; it is used only inside short scopes (see StaffService).
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                // The sign-in page does not count failures into Identity's account-wide lockout (anyone who knows a
                // name could keep that account shut); it throttles per address instead (Web: SignInDoor). A lockout
                // end set on an account is still honoured, with the same answer as a wrong password.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();

        var dataProtection = services.AddDataProtection().SetApplicationName("PropertyCare");
        // Keys encrypted at rest (KeyEncryption); without a certificate they are stored as before — the web host
        // refuses that outside Development unless explicitly allowed (WebServices.AddPropertyCareEnvironment).
        if (KeyEncryption.Certificate(config) is { } keyCertificate) dataProtection.ProtectKeysWithCertificate(keyCertificate);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeyStore(sp.GetRequiredService<DbContextOptions<AppDbContext>>())));

        services.AddScoped<OwnerService>();
        services.AddScoped<UnitService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<OwnerExportService>();
        services.AddScoped<HqQueries>();
        services.AddScoped<Owners.Import.OwnerImportService>();
        services.AddScoped<OwnerPortalService>();
        services.AddScoped<OwnerAccountService>();
        services.AddScoped<OwnerCodes>();
        services.AddScoped<StaffService>();
        services.AddScoped<Accounts.AccountAudit>();
        services.AddScoped<Accounts.AccountEventQueries>();
        services.AddScoped<Accounts.OwnPasswordService>();
        services.AddScoped<PlatformAdminService>();
        services.AddScoped<Calendar.CalendarService>();
        services.AddSingleton<Pdf.PdfRenderer>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Notifications.NotificationOutbox>();
        services.AddSingleton<Notifications.INotificationSender, Notifications.DemoOutboxSender>();
        services.AddSingleton<Notifications.OutboxDispatcher>();
        Jobs.JobsSetup.AddPropertyCareJobs(services, config);
        services.AddScoped<Repairs.CallbackReminderJob>();
        services.AddScoped<Repairs.RepairSettingsService>();
        services.AddScoped<Repairs.RepairService>();
        services.AddScoped<Repairs.TechnicianService>();
        services.AddScoped<Repairs.CallbackService>();
        services.AddScoped<Repairs.PortalRepairService>();
        services.AddScoped<Repairs.RepairReports>();
        services.AddScoped<Repairs.RepairEscalation>();
        services.AddScoped<Files.AttachmentService>();
        // Move-in (入伙) services
        services.AddScoped<MoveIn.DeliveryBatchService>();
        services.AddScoped<MoveIn.AppointmentService>();
        services.AddScoped<MoveIn.PortalMoveInService>();
        services.AddScoped<MoveIn.TakeOverService>();
        services.AddScoped<MoveIn.DeliveryInspectionService>();
        services.AddScoped<MoveIn.MoveInProcedureService>();
        services.AddScoped<MoveIn.PortalDeliveryService>();
        // Vacant-unit (空置房) services
        services.AddScoped<VacantUnits.VacantSettingsService>();
        services.AddScoped<VacantUnits.VacantUnitService>();
        services.AddScoped<VacantUnits.KeyCustodyService>();
        services.AddScoped<VacantUnits.PortalVacantService>();
        services.AddScoped<VacantUnits.VacantCycleJob>();
        services.AddScoped<VacantUnits.VacantEscalationJob>();
        // Renovation (装修) part A: applications, permit, settings, portal
        services.AddScoped<Renovation.RenovationSettingsService>();
        services.AddScoped<Renovation.RenovationApplicationService>();
        services.AddScoped<Renovation.PortalRenovationService>();
        services.AddHostedService<VacantUnits.VacantJobsBootstrap>();
        // Renovation part C (works: patrols, violations, stop-work, acceptance) and its jobs
        services.AddScoped<Renovation.RenovationWorksService>();
        services.AddScoped<Renovation.RenovationPatrolService>();
        services.AddScoped<Renovation.RenovationViolationService>();
        services.AddScoped<Renovation.RenovationAcceptanceService>();
        services.AddScoped<Renovation.RenovationWorksPortalService>();
        services.AddScoped<Renovation.RenovationAcceptanceRefundReminder>();
        services.AddScoped<Renovation.RenovationPatrolDueJob>();
        services.AddScoped<Renovation.RenovationViolationEscalationJob>();
        services.AddHostedService<Renovation.RenovationWorksJobsBootstrap>();
        // Renovation part B (deposit ledger, refunds, deposits report)
        services.AddScoped<Renovation.DepositService>();
        services.AddScoped<Renovation.DepositRefundService>();
        services.AddScoped<Renovation.DepositReportService>();
        services.AddScoped<Renovation.PortalDepositService>();
        services.AddScoped<Hq.HqDepositQueries>();
        // Complaints (客户投诉) part A: the desk's workflow (and the settings service the core left unregistered)
        services.AddScoped<Complaints.ComplaintSettingsService>();
        services.AddScoped<Complaints.ComplaintService>();
        services.AddScoped<Complaints.ComplaintWorkflowService>();
        // Complaints part B (owner portal, record and handling sheets)
        services.AddScoped<Complaints.PortalComplaintService>();
        services.AddScoped<Complaints.ComplaintSheetService>();
        services.AddHostedService<Repairs.RepairJobsBootstrap>();
        // Complaints part C: escalation and reminder jobs, statistics
        services.AddScoped<Complaints.ComplaintEscalationJob>();
        services.AddScoped<Complaints.ComplaintFollowUpReminderJob>();
        services.AddScoped<Complaints.ComplaintCallbackDueJob>();
        services.AddScoped<Complaints.ComplaintStatisticsService>();
        services.AddHostedService<Complaints.ComplaintJobsBootstrap>();
        // Quality part A (两级回访): settings, the weekly draw, HQ's audit and notices, the project's rectification, escalation
        services.AddScoped<Quality.QualitySettingsService>();
        services.AddScoped<Quality.CallbackSampleJob>();
        services.AddScoped<Quality.NoticeEscalationJob>();
        services.AddScoped<Quality.HqAuditService>();
        services.AddScoped<Quality.RectificationService>();
        services.AddHostedService<Quality.QualityJobsBootstrap>();
        // Quality part B (满意度调查): campaigns, templates, portal answers, phone interviews, results, the daily job
        services.AddScoped<Surveys.SurveyInviter>();
        services.AddScoped<Surveys.HqSurveyService>();
        services.AddScoped<Surveys.ProjectSurveyService>();
        services.AddScoped<Surveys.SurveyTemplateService>();
        services.AddScoped<Surveys.PortalSurveyService>();
        services.AddScoped<Surveys.SurveyInterviewService>();
        services.AddScoped<Surveys.SurveyResultsService>();
        services.AddScoped<Surveys.HqSurveyQueries>();
        services.AddScoped<Surveys.SurveyDailyJob>();
        services.AddHostedService<Surveys.SurveyJobsBootstrap>();
        // Issue 15 Part C: KPIs, weights, report snapshots and their jobs
        services.AddScoped<Kpis.KpiQueries>();
        services.AddScoped<Kpis.KpiWeightsService>();
        services.AddScoped<Kpis.QualityReportService>();
        services.AddScoped<Kpis.QualityReportJob>();
        services.AddHostedService<Kpis.QualityReportJobsBootstrap>();
        return services;
    }

    /// <summary>Applies migrations (the SQLite set also switches the file to write-ahead logging), and makes sure
    /// every role exists. Runs at start, before the app takes requests.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        await using (var db = new AppDbContext(options, null))
        {
            // Migrate, masking history stored before masking existed on the way (SQLite only; see the class).
            // SQLite's write-ahead log is set by a migration of its set (WriteAheadLog).
            await Auditing.StoredHistoryMasking.MigrateAsync(db, ct);
        }
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
    }

    private static void PrepareSqliteFolder(string connection)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
