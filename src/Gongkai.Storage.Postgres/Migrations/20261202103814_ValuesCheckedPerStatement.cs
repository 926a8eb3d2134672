using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Storage.Postgres.Migrations
{
    /// <summary>
    /// The link from <c>report_values</c> to <c>reports</c> checked once per statement instead of
    /// once per row. A foreign key runs its check for every inserted row (a query that locks the
    /// report row); a report has ~200 values, so on an import that check took most of the server's
    /// time. Statement triggers over the transition tables keep the same rules: a value's report
    /// must exist (and is locked FOR KEY SHARE, as the foreign key does), deleting a report deletes
    /// its values (ON DELETE CASCADE), a report id that values use cannot change. The EF model keeps
    /// the relationship; only the constraint is replaced, so the snapshot is unchanged.
    /// </summary>
    public partial class ValuesCheckedPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => ReplaceForeignKey(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropTriggers(migrationBuilder);
            migrationBuilder.AddForeignKey(
                name: "FK_report_values_reports_ReportId",
                table: "report_values",
                column: "ReportId",
                principalTable: "reports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <summary>The foreign key replaced by the triggers (also <see cref="ValueSets"/>' way down).</summary>
        internal static void ReplaceForeignKey(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_report_values_reports_ReportId",
                table: "report_values");

            migrationBuilder.Sql(
                """
                CREATE FUNCTION report_values_require_reports() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    ids integer[];
                    locked bigint;
                    missing integer;
                BEGIN
                    -- One pass over the new rows for their distinct reports, then one index probe each.
                    ids := ARRAY(SELECT DISTINCT "ReportId" FROM new_values);
                    SELECT count(*) INTO locked
                    FROM (SELECT 1 FROM reports r WHERE r."Id" = ANY (ids) FOR KEY SHARE OF r) present;
                    IF locked < cardinality(ids) THEN
                        SELECT id INTO missing FROM unnest(ids) id
                        WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r."Id" = id) LIMIT 1;
                        RAISE foreign_key_violation USING
                            MESSAGE = format('insert or update on table "report_values" violates foreign key constraint "FK_report_values_reports_ReportId": report %s is not present in table "reports"', missing),
                            TABLE = 'report_values',
                            CONSTRAINT = 'FK_report_values_reports_ReportId';
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER report_values_require_reports_on_insert AFTER INSERT ON report_values
                    REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION report_values_require_reports();
                CREATE TRIGGER report_values_require_reports_on_update AFTER UPDATE ON report_values
                    REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION report_values_require_reports();

                CREATE FUNCTION reports_delete_values() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM report_values v USING old_reports o WHERE v."ReportId" = o."Id";
                    RETURN NULL;
                END $$;

                CREATE TRIGGER reports_delete_values AFTER DELETE ON reports
                    REFERENCING OLD TABLE AS old_reports FOR EACH STATEMENT EXECUTE FUNCTION reports_delete_values();

                CREATE FUNCTION reports_keep_value_ids() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    gone integer;
                BEGIN
                    SELECT o."Id" INTO gone FROM old_reports o
                    WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r."Id" = o."Id")
                      AND EXISTS (SELECT 1 FROM report_values v WHERE v."ReportId" = o."Id")
                    LIMIT 1;
                    IF FOUND THEN
                        RAISE foreign_key_violation USING
                            MESSAGE = format('update on table "reports" violates foreign key constraint "FK_report_values_reports_ReportId": report %s is still referenced from table "report_values"', gone),
                            TABLE = 'reports',
                            CONSTRAINT = 'FK_report_values_reports_ReportId';
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER reports_keep_value_ids AFTER UPDATE ON reports
                    REFERENCING OLD TABLE AS old_reports FOR EACH STATEMENT EXECUTE FUNCTION reports_keep_value_ids();
                """);
        }

        /// <summary>The triggers and their functions dropped (also <see cref="ValueSets"/>' way up, before report_values goes).</summary>
        internal static void DropTriggers(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER reports_keep_value_ids ON reports;
                DROP FUNCTION reports_keep_value_ids();
                DROP TRIGGER reports_delete_values ON reports;
                DROP FUNCTION reports_delete_values();
                DROP TRIGGER report_values_require_reports_on_update ON report_values;
                DROP TRIGGER report_values_require_reports_on_insert ON report_values;
                DROP FUNCTION report_values_require_reports();
                """);
        }
    }
}
