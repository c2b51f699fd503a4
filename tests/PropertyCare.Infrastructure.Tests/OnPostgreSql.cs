using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Admin;
using PropertyCare.Infrastructure.Tests.Calendar;
using PropertyCare.Infrastructure.Tests.Data;
using PropertyCare.Infrastructure.Tests.Jobs;
using PropertyCare.Infrastructure.Tests.Notifications;
using PropertyCare.Infrastructure.Tests.Owners;
using PropertyCare.Infrastructure.Tests.Portal;
using PropertyCare.Infrastructure.Tests.Staff;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Tenancy;
using PropertyCare.Infrastructure.Tests.VacantUnits;

namespace PropertyCare.Infrastructure.Tests;

// The same tests, run on PostgreSQL (a database per test class on the run's throwaway cluster, migrated with the
// PostgreSQL set). Each class here inherits every test of its SQLite original; the list is what runs on both.
// The job classes run with Hangfire's PostgreSQL storage in that same database (JobsSetup: storage follows the
// provider), a fresh database per test, dropped at its end.
//
// Every other test class of this project stays SQLite-only, for these reasons:
// - OwnerImportHostileFileTests: every refusal is decided from the uploaded bytes before the service's first query
//   (the test asserts the call completes on the calling thread); the database only exists to construct the service,
//   so a PostgreSQL copy would test the same parsing again.
// - DatabaseFilePrivacyTests: about the bytes of the SQLite file and its WAL as a backup copies them; a server
//   database has no such file to read (its backups are pg_dump output, operations.md).
// - StoredHistoryMarkerTests: the SQLite set's marker migration (the server sets have none); the masking scan
//   itself (StoredHistoryMaskingTests) runs on both.
// - MigrationTests: already takes the provider as a parameter (PostgreSQL's set is checked against the model and
//   migrated on the cluster by its theories); its first test reads the model, no provider-specific database.
// - DatabaseProviderSettingTests: how the setting picks the provider and its migrations set; opens no database
//   (its PostgreSQL case is one of its rows).
// - SqlServerScriptTests, SqlServerCascadePathTests, SqlServerIndexKeyTests: the SQL Server set's script and
//   model, checked without a server.
// - SpreadsheetTests, PdfRendererTests, PdfSandboxTests, DemoOutboxSenderTests: no database at all.

public sealed class DataLayerIsolationTestsOnPostgreSql : DataLayerIsolationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class ServiceIsolationTestsOnPostgreSql : ServiceIsolationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OwnerServiceTestsOnPostgreSql : OwnerServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class UnitSearchTestsOnPostgreSql : UnitSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class PersonalDataTestsOnPostgreSql : PersonalDataTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class CalendarServiceTestsOnPostgreSql : CalendarServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OwnerImportServiceTestsOnPostgreSql : OwnerImportServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class IntakeLookupTestsOnPostgreSql : IntakeLookupTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class PortalContactPrivacyTestsOnPostgreSql : PortalContactPrivacyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairAccessTestsOnPostgreSql : RepairAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairCoOwnerTestsOnPostgreSql : RepairCoOwnerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairBackOfficeTestsOnPostgreSql : RepairBackOfficeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairEdgeTestsOnPostgreSql : RepairEdgeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairDeskCountsTestsOnPostgreSql : RepairDeskCountsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairFlowTestsOnPostgreSql : RepairFlowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairListSortTestsOnPostgreSql : RepairListSortTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairPhotoAndPortalTestsOnPostgreSql : RepairPhotoAndPortalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairStepsTestsOnPostgreSql : RepairStepsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class TextLimitTestsOnPostgreSql : TextLimitTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class StaffServiceTestsOnPostgreSql : StaffServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class StaffAuthorityTestsOnPostgreSql : StaffAuthorityTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OutboxTestsOnPostgreSql : OutboxTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OwnerAccountServiceTestsOnPostgreSql : OwnerAccountServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class KeyEncryptionTestsOnPostgreSql : KeyEncryptionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class StoredHistoryMaskingTestsOnPostgreSql : StoredHistoryMaskingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class SchedulerTestsOnPostgreSql : SchedulerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class RecurringJobsTestsOnPostgreSql : RecurringJobsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ServicePermissionTestsOnPostgreSql(ServicePermissionTests.Worlds worlds) : ServicePermissionTests(worlds)
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class CallbackRuleTestsOnPostgreSql : CallbackRuleTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairListFilterTestsOnPostgreSql : RepairListFilterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairDeadlineTestsOnPostgreSql : RepairDeadlineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class UnitServiceTestsOnPostgreSql : UnitServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class PlatformAdminServiceTestsOnPostgreSql : PlatformAdminServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OwnerRecordTestsOnPostgreSql : OwnerRecordTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class StaffRulesTestsOnPostgreSql : StaffRulesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OwnerExportTestsOnPostgreSql : OwnerExportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class ProjectJobFilterTestsOnPostgreSql : ProjectJobFilterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class OwnerPortalServiceTestsOnPostgreSql : OwnerPortalServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class TenantContextTestsOnPostgreSql : TenantContextTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class CallbackWorklistTestsOnPostgreSql : CallbackWorklistTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class AuditListTestsOnPostgreSql : AuditListTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class TechnicianWorklistTestsOnPostgreSql : TechnicianWorklistTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class RepairOrderRulesTestsOnPostgreSql : RepairOrderRulesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class HqOverviewTestsOnPostgreSql : HqOverviewTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class MoveInStorageTestsOnPostgreSql : MoveIn.MoveInStorageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Vacant units (空置房): the job, the inspection with its repair orders and outbox, escalation, key custody, access.
[Collection(RepairsCollection.Name)]
public sealed class VacantCycleJobTestsOnPostgreSql : VacantCycleJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class VacantInspectionTestsOnPostgreSql : VacantInspectionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class VacantEscalationTestsOnPostgreSql : VacantEscalationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class KeyCustodyServiceTestsOnPostgreSql : KeyCustodyServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class VacantAccessTestsOnPostgreSql : VacantAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
[Collection(RepairsCollection.Name)]
public sealed class VacantHqCoverageTestsOnPostgreSql : VacantHqCoverageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class VacantReassignTestsOnPostgreSql : VacantReassignTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class VacantUnitSearchTestsOnPostgreSql : VacantUnitSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Move-in (入伙): batches, appointments (with the race for the last place), take-over, access and isolation.
[Collection(RepairsCollection.Name)]
public sealed class DeliveryBatchServiceTestsOnPostgreSql : MoveIn.DeliveryBatchServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class AppointmentServiceTestsOnPostgreSql : MoveIn.AppointmentServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class TakeOverServiceTestsOnPostgreSql : MoveIn.TakeOverServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class MoveInAccessTestsOnPostgreSql : MoveIn.MoveInAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Move-in: delivery inspection and move-in procedure (交付验收, 办理入伙手续).
[Collection(RepairsCollection.Name)]
public sealed class DeliveryInspectionServiceTestsOnPostgreSql : MoveIn.DeliveryInspectionServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class MoveInProcedureServiceTestsOnPostgreSql : MoveIn.MoveInProcedureServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class DeliveryAccessTestsOnPostgreSql : MoveIn.DeliveryAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class MoveInGuardTestsOnPostgreSql : MoveIn.MoveInGuardTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Renovation part A: applications (desk, portal, access, concurrency) on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class ApplicationServiceTestsOnPostgreSql : Renovation.ApplicationServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ApplicationAccessTestsOnPostgreSql : Renovation.ApplicationAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ApplicationConcurrencyTestsOnPostgreSql : Renovation.ApplicationConcurrencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Renovation part C (works): patrols and the patrol job, violations (escalation, stop/resume, deduction, repair, isolation), acceptance.
[Collection(RepairsCollection.Name)]
public sealed class PatrolServiceTestsOnPostgreSql : Renovation.PatrolServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ViolationServiceTestsOnPostgreSql : Renovation.ViolationServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class AcceptanceServiceTestsOnPostgreSql : Renovation.AcceptanceServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class PatrolDemoTestsOnPostgreSql : Renovation.PatrolDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Renovation part B (deposit ledger): the same ledger, refund, isolation, report and guard tests on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class DepositLedgerServiceTestsOnPostgreSql : Renovation.DepositLedgerServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class DepositRefundServiceTestsOnPostgreSql : Renovation.DepositRefundServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class DepositIsolationTestsOnPostgreSql : Renovation.DepositIsolationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class DepositReportTestsOnPostgreSql : Renovation.DepositReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class DepositLedgerGuardTestsOnPostgreSql : Renovation.DepositLedgerGuardTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Renovation deposit gap tests (the mutants left by the Infrastructure mutation run): access and money on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class DepositAccessGapTestsOnPostgreSql : Renovation.DepositAccessGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class DepositMoneyGapTestsOnPostgreSql : Renovation.DepositMoneyGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class PortalRenovationGapTestsOnPostgreSql : Renovation.PortalRenovationGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class WorksPortalGapTestsOnPostgreSql : Renovation.WorksPortalGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Renovation documents as PDF files (desk and portal, refused fakes, the count limit, who reads them) on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class RenovationPdfDocumentTestsOnPostgreSql : Renovation.RenovationPdfDocumentTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Complaints part C: the jobs (escalation once per level across a restart, reminders) and the statistics on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class ComplaintEscalationJobTestsOnPostgreSql : Complaints.ComplaintEscalationJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintReminderJobTestsOnPostgreSql : Complaints.ComplaintReminderJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintStatisticsTestsOnPostgreSql : Complaints.ComplaintStatisticsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintDemoTestsOnPostgreSql : Complaints.ComplaintDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Complaints part A (the desk's workflow): workflow, validation, concurrency, reveal, isolation on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class ComplaintDeskWorkflowTestsOnPostgreSql : Complaints.ComplaintDeskWorkflowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintDeskAccessTestsOnPostgreSql : Complaints.ComplaintDeskAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Complaints part B (owner portal, photos, sheets) on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class PortalComplaintServiceTestsOnPostgreSql : Complaints.PortalComplaintServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class PortalComplaintFilesAndSheetsTestsOnPostgreSql : Complaints.PortalComplaintFilesAndSheetsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintContactShareTestsOnPostgreSql : Complaints.ComplaintContactShareTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class PortalComplaintDeskNoticeTestsOnPostgreSql : Complaints.PortalComplaintDeskNoticeTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Complaint desk and statistics gaps found by the mutation run, on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class ComplaintDeskGapTestsOnPostgreSql : Complaints.ComplaintDeskGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintStatisticsGapTestsOnPostgreSql : Complaints.ComplaintStatisticsGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Complaints part B, the gaps of the mutation run (portal, sheets, orphan photo) on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class PortalComplaintGapTestsOnPostgreSql : Complaints.PortalComplaintGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class ComplaintSheetGapTestsOnPostgreSql : Complaints.ComplaintSheetGapTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Quality part A (两级回访): the weekly draw (idempotent, concurrent), HQ's audit and notices, escalation, attacks on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class CallbackSampleJobTestsOnPostgreSql : Quality.CallbackSampleJobTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class HqAuditFlowTestsOnPostgreSql : Quality.HqAuditFlowTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class QualityAccessTestsOnPostgreSql : Quality.QualityAccessTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class QualityDemoTestsOnPostgreSql : Quality.QualityDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Quality part B (满意度调查): start targets, invitations, jobs, one answer per unit under concurrency, attacks, results on PostgreSQL.
[Collection(RepairsCollection.Name)]
public sealed class SurveyCampaignServiceTestsOnPostgreSql : Surveys.SurveyCampaignServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class SurveyAnswerTestsOnPostgreSql : Surveys.SurveyAnswerTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class SurveyResultsTestsOnPostgreSql : Surveys.SurveyResultsTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

[Collection(RepairsCollection.Name)]
public sealed class SurveyDemoTestsOnPostgreSql : Surveys.SurveyDemoTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

// Issue 15 Part C: KPI figures, drill-down, dashboard services, report snapshots (immutable triggers), weights.
public sealed class KpiFigureTestsOnPostgreSql : PropertyCare.Infrastructure.Tests.Kpis.KpiFigureTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class QualityReportTestsOnPostgreSql : PropertyCare.Infrastructure.Tests.Kpis.QualityReportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
