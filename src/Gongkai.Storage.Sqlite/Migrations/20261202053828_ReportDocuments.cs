using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_documents",
                columns: table => new
                {
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_documents", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_report_documents_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The documents move out of their report rows, every one of them.
            migrationBuilder.Sql("INSERT INTO report_documents (\"ReportId\", \"ModelJson\", \"Text\") SELECT \"Id\", \"ModelJson\", \"Text\" FROM reports;");

            migrationBuilder.DropColumn(
                name: "ModelJson",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModelJson",
                table: "reports",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "reports",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE reports SET \"ModelJson\" = d.\"ModelJson\", \"Text\" = d.\"Text\" FROM report_documents d WHERE d.\"ReportId\" = reports.\"Id\";");

            migrationBuilder.DropTable(
                name: "report_documents");
        }
    }
}
