using PropertyCare.Infrastructure.Data;
using PropertyCare.Infrastructure.Tests.Calendar;
using PropertyCare.Infrastructure.Tests.Data;
using PropertyCare.Infrastructure.Tests.Notifications;
using PropertyCare.Infrastructure.Tests.Owners;
using PropertyCare.Infrastructure.Tests.Portal;
using PropertyCare.Infrastructure.Tests.Staff;
using PropertyCare.Infrastructure.Tests.Repairs;
using PropertyCare.Infrastructure.Tests.Tenancy;

namespace PropertyCare.Infrastructure.Tests;

// The same tests, run on PostgreSQL (a database per test class on the run's throwaway cluster, migrated with the
// PostgreSQL set). Each class here inherits every test of its SQLite original; the list is what runs on both.

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
