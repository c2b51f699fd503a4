using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PropertyCare.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    OwnerId = table.Column<int>(type: "integer", nullable: true),
                    FiledByOwner = table.Column<bool>(type: "boolean", nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Facts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Demand = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReceivedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReceivedByName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SameDay = table.Column<int>(type: "integer", nullable: false),
                    Class = table.Column<int>(type: "integer", nullable: true),
                    ClassReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HandlerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HandlerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DepartmentHeadId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DepartmentHeadName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ClassifiedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ClassifiedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DispatchLevel = table.Column<int>(type: "integer", nullable: false),
                    PlanDueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Plan = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PlannedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HandleDueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HandleLimitAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DelayReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SecondDispatchDueAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HandledOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    ReceiverOpinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ManagerOpinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ManagerOpinionBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CallbackDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastSatisfaction = table.Column<int>(type: "integer", nullable: true),
                    CustomerOpinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LastFollowUpAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    IsRepeat = table.Column<bool>(type: "boolean", nullable: false),
                    RepeatOfId = table.Column<int>(type: "integer", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    ReopenReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FollowUps = table.Column<string>(type: "text", nullable: false),
                    Dispatches = table.Column<string>(type: "text", nullable: false),
                    Callbacks = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Owners_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Owners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    PlanWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    HandleWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    MaxHandleWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    SecondDispatchWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    FollowUpDays = table.Column<int>(type: "integer", nullable: false),
                    CallbackDays = table.Column<int>(type: "integer", nullable: false),
                    RepeatWindowDays = table.Column<int>(type: "integer", nullable: false),
                    ReopenDays = table.Column<int>(type: "integer", nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    Departments = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintSettings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_DepartmentHeadId",
                table: "Complaints",
                column: "DepartmentHeadId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_HandlerId",
                table: "Complaints",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OwnerId",
                table: "Complaints",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProjectId",
                table: "Complaints",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProjectId_Number",
                table: "Complaints",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProjectId_OwnerId",
                table: "Complaints",
                columns: new[] { "ProjectId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProjectId_ReceivedAt",
                table: "Complaints",
                columns: new[] { "ProjectId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProjectId_Status",
                table: "Complaints",
                columns: new[] { "ProjectId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProjectId_UnitId_Category_ReceivedAt",
                table: "Complaints",
                columns: new[] { "ProjectId", "UnitId", "Category", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_UnitId",
                table: "Complaints",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintSettings_ProjectId",
                table: "ComplaintSettings",
                column: "ProjectId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "ComplaintSettings");
        }
    }
}
