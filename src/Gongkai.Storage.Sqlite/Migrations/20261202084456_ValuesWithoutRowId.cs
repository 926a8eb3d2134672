using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Rebuilds report_values and value_totals as WITHOUT ROWID tables (see
    /// <see cref="WithoutRowIdMigrationsSqlGenerator"/>, which writes the option for every table it
    /// names): each value was stored twice, in the table and in its primary-key index. A new
    /// database gets them so from its first migrations; this one converts databases made before.
    /// </summary>
    public partial class ValuesWithoutRowId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, "ef_temp_");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A prefix the generator does not know: plain rowid tables again.
            Rebuild(migrationBuilder, "rowid_");
        }

        private static void Rebuild(MigrationBuilder migrationBuilder, string prefix)
        {
            migrationBuilder.CreateTable(
                name: prefix + "report_values",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    TableId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
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
            Copy(migrationBuilder, prefix, "report_values", "\"ReportId\", \"TableId\", \"RowId\", \"ColumnId\"", ", \"Value\"");

            migrationBuilder.CreateTable(
                name: prefix + "value_totals",
                columns: table => new
                {
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TableId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_value_totals", x => new { x.Region, x.Category, x.Year, x.TableId, x.RowId, x.ColumnId });
                });
            Copy(migrationBuilder, prefix, "value_totals", "\"Region\", \"Category\", \"Year\", \"TableId\", \"RowId\", \"ColumnId\"", ", \"Sum\", \"Reports\"");
        }

        /// <summary>Copies the rows in key order (appending to the new tree), then swaps the tables.</summary>
        private static void Copy(MigrationBuilder migrationBuilder, string prefix, string table, string key, string rest)
        {
            migrationBuilder.Sql($"INSERT INTO \"{prefix}{table}\" ({key}{rest}) SELECT {key}{rest} FROM \"{table}\" ORDER BY {key};");
            migrationBuilder.DropTable(name: table);
            migrationBuilder.RenameTable(name: prefix + table, newName: table);
        }
    }
}
