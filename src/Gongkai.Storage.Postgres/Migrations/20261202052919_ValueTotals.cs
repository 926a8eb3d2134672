using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Postgres.Migrations
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
                    Region = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TableId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sum = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false)
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
