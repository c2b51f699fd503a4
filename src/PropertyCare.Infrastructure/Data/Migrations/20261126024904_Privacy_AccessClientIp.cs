using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Privacy_AccessClientIp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientIp",
                table: "SensitiveAccesses",
                type: "TEXT",
                maxLength: 45,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientIp",
                table: "SensitiveAccesses");
        }
    }
}
