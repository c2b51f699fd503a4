using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "CalendarDays",
                columns: new[] { "Id", "Date", "Kind", "Name" },
                values: new object[,]
                {
                    { 1, new DateOnly(2026, 1, 1), 0, "元旦" },
                    { 2, new DateOnly(2026, 1, 2), 0, "元旦" },
                    { 3, new DateOnly(2026, 1, 3), 0, "元旦" },
                    { 4, new DateOnly(2026, 1, 4), 1, "元旦调休" },
                    { 5, new DateOnly(2026, 2, 15), 0, "春节" },
                    { 6, new DateOnly(2026, 2, 16), 0, "春节" },
                    { 7, new DateOnly(2026, 2, 17), 0, "春节" },
                    { 8, new DateOnly(2026, 2, 18), 0, "春节" },
                    { 9, new DateOnly(2026, 2, 19), 0, "春节" },
                    { 10, new DateOnly(2026, 2, 20), 0, "春节" },
                    { 11, new DateOnly(2026, 2, 21), 0, "春节" },
                    { 12, new DateOnly(2026, 2, 22), 0, "春节" },
                    { 13, new DateOnly(2026, 2, 23), 0, "春节" },
                    { 14, new DateOnly(2026, 2, 14), 1, "春节调休" },
                    { 15, new DateOnly(2026, 2, 28), 1, "春节调休" },
                    { 16, new DateOnly(2026, 4, 4), 0, "清明节" },
                    { 17, new DateOnly(2026, 4, 5), 0, "清明节" },
                    { 18, new DateOnly(2026, 4, 6), 0, "清明节" },
                    { 19, new DateOnly(2026, 5, 1), 0, "劳动节" },
                    { 20, new DateOnly(2026, 5, 2), 0, "劳动节" },
                    { 21, new DateOnly(2026, 5, 3), 0, "劳动节" },
                    { 22, new DateOnly(2026, 5, 4), 0, "劳动节" },
                    { 23, new DateOnly(2026, 5, 5), 0, "劳动节" },
                    { 24, new DateOnly(2026, 5, 9), 1, "劳动节调休" },
                    { 25, new DateOnly(2026, 6, 19), 0, "端午节" },
                    { 26, new DateOnly(2026, 6, 20), 0, "端午节" },
                    { 27, new DateOnly(2026, 6, 21), 0, "端午节" },
                    { 28, new DateOnly(2026, 9, 25), 0, "中秋节" },
                    { 29, new DateOnly(2026, 9, 26), 0, "中秋节" },
                    { 30, new DateOnly(2026, 9, 27), 0, "中秋节" },
                    { 31, new DateOnly(2026, 10, 1), 0, "国庆节" },
                    { 32, new DateOnly(2026, 10, 2), 0, "国庆节" },
                    { 33, new DateOnly(2026, 10, 3), 0, "国庆节" },
                    { 34, new DateOnly(2026, 10, 4), 0, "国庆节" },
                    { 35, new DateOnly(2026, 10, 5), 0, "国庆节" },
                    { 36, new DateOnly(2026, 10, 6), 0, "国庆节" },
                    { 37, new DateOnly(2026, 10, 7), 0, "国庆节" },
                    { 38, new DateOnly(2026, 9, 20), 1, "国庆节调休" },
                    { 39, new DateOnly(2026, 10, 10), 1, "国庆节调休" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");
        }
    }
}
