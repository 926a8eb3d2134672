using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CompressedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Documents written before stay uncompressed: as their UTF-8 bytes, which read back as
            // they were. (A plain text → bytea cast would read backslashes in the JSON as escapes.)
            migrationBuilder.Sql(
                """
                ALTER TABLE report_documents
                    ALTER COLUMN "ModelJson" TYPE bytea USING convert_to("ModelJson", 'UTF8'),
                    ALTER COLUMN "Text" TYPE bytea USING convert_to("Text", 'UTF8');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("报告文档已压缩存储，无法在数据库内还原为文本；如需回到旧版本，请使用升级前的数据库备份。");
    }
}
