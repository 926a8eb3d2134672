using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CompressedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "Text",
                table: "report_documents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<byte[]>(
                name: "ModelJson",
                table: "report_documents",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT");

            // Documents written before stay uncompressed: as their UTF-8 bytes, which read back as they were.
            migrationBuilder.Sql("UPDATE \"report_documents\" SET \"ModelJson\" = CAST(\"ModelJson\" AS BLOB), \"Text\" = CAST(\"Text\" AS BLOB);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("报告文档已压缩存储，无法在数据库内还原为文本；如需回到旧版本，请使用升级前的数据库备份。");
    }
}
