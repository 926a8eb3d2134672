using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Sqlite.Migrations
{
    /// <summary>
    /// A report's stated values in one row of <c>value_sets</c> (cell ids and values as two JSON
    /// arrays, the cells named in the <c>value_cells</c> catalogue) instead of ~200 rows of
    /// <c>report_values</c>. Every stored value is carried over, and back on the way down.
    /// </summary>
    public partial class ValueSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "value_cells",
                columns: table => new
                {
                    Id = table.Column<short>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TableId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "value_sets",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cells = table.Column<string>(type: "TEXT", nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_sets", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_value_sets_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_value_cells_TableId_RowId_ColumnId",
                table: "value_cells",
                columns: new[] { "TableId", "RowId", "ColumnId" },
                unique: true);

            // Values stay the decimal text EF Core stores ("12.0"): JSON strings, as EF Core writes a decimal array.
            migrationBuilder.Sql(
                """
                INSERT INTO value_cells ("TableId", "RowId", "ColumnId")
                SELECT DISTINCT "TableId", "RowId", "ColumnId" FROM report_values ORDER BY 1, 2, 3;

                INSERT INTO value_sets ("ReportId", "Cells", "Values")
                SELECT v."ReportId", json_group_array(c."Id" ORDER BY c."Id"), json_group_array(v."Value" ORDER BY c."Id")
                FROM report_values v JOIN value_cells c ON c."TableId" = v."TableId" AND c."RowId" = v."RowId" AND c."ColumnId" = v."ColumnId"
                GROUP BY v."ReportId";
                """);

            migrationBuilder.DropTable(
                name: "report_values");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_values",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    TableId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_values", x => new { x.ReportId, x.TableId, x.RowId, x.ColumnId });
                    table.ForeignKey(
                        name: "FK_report_values_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql(
                """
                INSERT INTO report_values ("ReportId", "TableId", "RowId", "ColumnId", "Value")
                SELECT s."ReportId", c."TableId", c."RowId", c."ColumnId", v.value
                FROM value_sets s
                JOIN json_each(s."Cells") k
                JOIN json_each(s."Values") v ON v.key = k.key
                JOIN value_cells c ON c."Id" = k.value;
                """);

            migrationBuilder.DropTable(
                name: "value_cells");

            migrationBuilder.DropTable(
                name: "value_sets");
        }
    }
}
