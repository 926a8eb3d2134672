using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ValueTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "value_totals",
                columns: table => new
                {
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TableId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_totals", x => new { x.Region, x.Category, x.Year, x.TableId, x.RowId, x.ColumnId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "value_totals");
        }
    }
}
