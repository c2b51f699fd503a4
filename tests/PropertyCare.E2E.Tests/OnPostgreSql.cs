namespace PropertyCare.E2E.Tests;

// The key journeys again, on the app running on PostgreSQL: the same tests (inherited), their own app and database
// (PostgreSqlAppServer), so moving the clock or changing a language in one run does not touch the other.

[Collection("app-postgresql")]
public sealed class RepairJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : RepairJourneyTests(app);

[Collection("app-postgresql")]
public sealed class OwnerJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : OwnerJourneyTests(app);

[Collection("app-postgresql")]
public sealed class PrivacyOnPostgreSqlTests(PostgreSqlAppServer app) : PrivacyTests(app);

[Collection("app-postgresql")]
public sealed class VacantJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : VacantJourneyTests(app);

[Collection("app-postgresql")]
public sealed class MoveInJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : MoveInJourneyTests(app);

[Collection("app-postgresql")]
public sealed class KeyCustodyJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : KeyCustodyJourneyTests(app);

// Renovation part A: the application journey (owner on a phone → desk → manager).
[Collection("app-postgresql")]
public sealed class RenovationApplyJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : RenovationApplyJourneyTests(app);

// Complaints: the whole issue-14 journey (portal → desk → department → escalation job → callback → statistics).
[Collection("app-postgresql")]
public sealed class ComplaintJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : ComplaintJourneyTests(app);

// Issue 15: the two-level callback and the survey journeys on PostgreSQL.
[Collection("app-postgresql")]
public sealed class QualityAuditJourneyOnPostgreSqlTests(PostgreSqlAppServer app) : QualityAuditJourneyTests(app);
