using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Storage.Postgres.Migrations
{
    /// <summary>
    /// A report's stated values in one row of <c>value_sets</c> (cell ids and values as two arrays,
    /// the cells named in the <c>value_cells</c> catalogue) instead of ~200 rows of
    /// <c>report_values</c>. Writing and indexing those rows was half of a PostgreSQL import. Every
    /// stored value is carried over, and back on the way down.
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
                    Id = table.Column<short>(type: "smallint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TableId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "value_sets",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Cells = table.Column<short[]>(type: "smallint[]", nullable: false),
                    Values = table.Column<decimal[]>(type: "numeric(18,4)[]", nullable: false)
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

            migrationBuilder.Sql(
                """
                INSERT INTO value_cells ("TableId", "RowId", "ColumnId")
                SELECT DISTINCT "TableId", "RowId", "ColumnId" FROM report_values ORDER BY 1, 2, 3;

                INSERT INTO value_sets ("ReportId", "Cells", "Values")
                SELECT v."ReportId", array_agg(c."Id" ORDER BY c."Id"), array_agg(v."Value" ORDER BY c."Id")
                FROM report_values v JOIN value_cells c USING ("TableId", "RowId", "ColumnId")
                GROUP BY v."ReportId";
                """);

            ValuesCheckedPerStatement.DropTriggers(migrationBuilder);
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
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    TableId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
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
                SELECT s."ReportId", c."TableId", c."RowId", c."ColumnId", u.value
                FROM value_sets s
                CROSS JOIN LATERAL unnest(s."Cells", s."Values") AS u(cell, value)
                JOIN value_cells c ON c."Id" = u.cell;
                """);

            ValuesCheckedPerStatement.ReplaceForeignKey(migrationBuilder);
            migrationBuilder.DropTable(
                name: "value_cells");

            migrationBuilder.DropTable(
                name: "value_sets");
        }
    }
}
