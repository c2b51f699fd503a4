using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_CompletedAt",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_DueAt",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RepairOrders_ProjectId_ReceivedAt",
                table: "RepairOrders",
                columns: new[] { "ProjectId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Callbacks_ProjectId_DueOn",
                table: "Callbacks",
                columns: new[] { "ProjectId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_ProjectId_CompletedAt",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_ProjectId_DueAt",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_RepairOrders_ProjectId_ReceivedAt",
                table: "RepairOrders");

            migrationBuilder.DropIndex(
                name: "IX_Callbacks_ProjectId_DueOn",
                table: "Callbacks");
        }
    }
}
