using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Renovation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RenovationApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    OwnerId = table.Column<int>(type: "int", nullable: false),
                    FiledByOwner = table.Column<bool>(type: "bit", nullable: false),
                    FiledBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ContractorCompany = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ContractorLicence = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ContractorPerson = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ContractorPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ApprovedEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ReturnReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DeskCheckedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DeskCheckedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Decision = table.Column<int>(type: "int", nullable: true),
                    DecisionText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DepositDue = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    FeesDue = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PermitNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    PermitIssuedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PermitIssuedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    StateBefore = table.Column<int>(type: "int", nullable: true),
                    Extensions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    StopReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    StoppedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    StopViolationId = table.Column<int>(type: "int", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ObservationEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationApplications_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationApplications_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    DepositMode = table.Column<int>(type: "int", nullable: false),
                    DepositAmount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Fees = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ScopeCatalog = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WorkingHours = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    NoNoisyWorkOnRestDays = table.Column<bool>(type: "bit", nullable: false),
                    PatrolEveryDays = table.Column<int>(type: "int", nullable: false),
                    ObservationDays = table.Column<int>(type: "int", nullable: false),
                    MaxDurationDays = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationSettings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepositLedger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Account = table.Column<int>(type: "int", nullable: false),
                    FeeName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Method = table.Column<int>(type: "int", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    OperatorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OperatorName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CauseType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    CauseId = table.Column<int>(type: "int", nullable: true),
                    ReversesEntryId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepositLedger", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepositLedger_DepositLedger_ReversesEntryId",
                        column: x => x.ReversesEntryId,
                        principalTable: "DepositLedger",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DepositLedger_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepositRefunds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Method = table.Column<int>(type: "int", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    LedgerEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepositRefunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepositRefunds_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationAcceptances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CheckedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CheckedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Checks = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    RectificationItems = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationAcceptances_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationPatrols",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    PatrolledAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PatrolledBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PatrolledByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Checks = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationPatrols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationPatrols_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationWorkers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Trade = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Revoked = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationWorkers_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenovationViolations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    PatrolId = table.Column<int>(type: "int", nullable: true),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FoundBy = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RectifiedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RecheckedBy = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RecheckNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Rechecks = table.Column<int>(type: "int", nullable: false),
                    EscalatedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RepairOrderId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationViolations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationViolations_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenovationViolations_RenovationPatrols_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "RenovationPatrols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepositDeductions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    ViolationId = table.Column<int>(type: "int", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ProposedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ProposedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LedgerEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepositDeductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepositDeductions_RenovationApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "RenovationApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DepositDeductions_RenovationViolations_ViolationId",
                        column: x => x.ViolationId,
                        principalTable: "RenovationViolations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DepositDeductions_ApplicationId",
                table: "DepositDeductions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_DepositDeductions_ProjectId",
                table: "DepositDeductions",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DepositDeductions_ProjectId_ApplicationId_Status",
                table: "DepositDeductions",
                columns: new[] { "ProjectId", "ApplicationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_DepositDeductions_ViolationId",
                table: "DepositDeductions",
                column: "ViolationId");

            migrationBuilder.CreateIndex(
                name: "IX_DepositLedger_ApplicationId",
                table: "DepositLedger",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_DepositLedger_CauseType_CauseId",
                table: "DepositLedger",
                columns: new[] { "CauseType", "CauseId" },
                unique: true,
                filter: "\"CauseId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DepositLedger_ProjectId",
                table: "DepositLedger",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DepositLedger_ProjectId_ApplicationId",
                table: "DepositLedger",
                columns: new[] { "ProjectId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_DepositLedger_ProjectId_ReceiptNumber",
                table: "DepositLedger",
                columns: new[] { "ProjectId", "ReceiptNumber" },
                unique: true,
                filter: "\"ReceiptNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DepositLedger_ReversesEntryId",
                table: "DepositLedger",
                column: "ReversesEntryId",
                unique: true,
                filter: "\"ReversesEntryId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DepositRefunds_Live",
                table: "DepositRefunds",
                column: "ApplicationId",
                unique: true,
                filter: "\"Status\" <> 2");

            migrationBuilder.CreateIndex(
                name: "IX_DepositRefunds_ProjectId",
                table: "DepositRefunds",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_DepositRefunds_ProjectId_Status",
                table: "DepositRefunds",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAcceptances_ApplicationId",
                table: "RenovationAcceptances",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAcceptances_ProjectId",
                table: "RenovationAcceptances",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationAcceptances_ProjectId_ApplicationId_CheckedAt",
                table: "RenovationAcceptances",
                columns: new[] { "ProjectId", "ApplicationId", "CheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_Open",
                table: "RenovationApplications",
                column: "UnitId",
                unique: true,
                filter: "\"Status\" <> 4 AND \"Status\" <> 8 AND \"Status\" <> 9");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_OwnerId",
                table: "RenovationApplications",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_ProjectId",
                table: "RenovationApplications",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_ProjectId_Number",
                table: "RenovationApplications",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_ProjectId_OwnerId",
                table: "RenovationApplications",
                columns: new[] { "ProjectId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationApplications_ProjectId_Status",
                table: "RenovationApplications",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPatrols_ApplicationId",
                table: "RenovationPatrols",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPatrols_ProjectId",
                table: "RenovationPatrols",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationPatrols_ProjectId_ApplicationId_PatrolledAt",
                table: "RenovationPatrols",
                columns: new[] { "ProjectId", "ApplicationId", "PatrolledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationSettings_ProjectId",
                table: "RenovationSettings",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenovationViolations_ApplicationId",
                table: "RenovationViolations",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationViolations_PatrolId",
                table: "RenovationViolations",
                column: "PatrolId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationViolations_ProjectId",
                table: "RenovationViolations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationViolations_ProjectId_ApplicationId_Status",
                table: "RenovationViolations",
                columns: new[] { "ProjectId", "ApplicationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationViolations_ProjectId_Status_RectifyBy",
                table: "RenovationViolations",
                columns: new[] { "ProjectId", "Status", "RectifyBy" });

            migrationBuilder.CreateIndex(
                name: "IX_RenovationWorkers_ApplicationId",
                table: "RenovationWorkers",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationWorkers_ProjectId",
                table: "RenovationWorkers",
                column: "ProjectId");

            // The ledger is append-only at the database (docs/renovation.md).
            foreach (var sql in PropertyCare.Infrastructure.Data.LedgerGuard.SqlServer) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in PropertyCare.Infrastructure.Data.LedgerGuard.SqlServerDown) migrationBuilder.Sql(sql);

            migrationBuilder.DropTable(
                name: "DepositDeductions");

            migrationBuilder.DropTable(
                name: "DepositLedger");

            migrationBuilder.DropTable(
                name: "DepositRefunds");

            migrationBuilder.DropTable(
                name: "RenovationAcceptances");

            migrationBuilder.DropTable(
                name: "RenovationSettings");

            migrationBuilder.DropTable(
                name: "RenovationWorkers");

            migrationBuilder.DropTable(
                name: "RenovationViolations");

            migrationBuilder.DropTable(
                name: "RenovationPatrols");

            migrationBuilder.DropTable(
                name: "RenovationApplications");
        }
    }
}
