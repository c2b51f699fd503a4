using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PropertyCare.Infrastructure.Data.Migrations
{
    /// <summary>SQLite set only. Write-ahead logging, so readers don't block the writer; the mode is stored in the
    /// database file, so once is enough (it used to be set at every start, outside the migrations).</summary>
    public partial class WriteAheadLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not inside a transaction: SQLite cannot change the journal mode in one.
            migrationBuilder.Sql("PRAGMA journal_mode=WAL;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("PRAGMA journal_mode=DELETE;", suppressTransaction: true);
        }
    }
}
