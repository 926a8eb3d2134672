using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Gongkai.Storage.Sqlite;

/// <summary>
/// EF Core's SQLite migrations, with the tables of many small rows keyed by a composite primary key
/// created <c>WITHOUT ROWID</c> (https://sqlite.org/withoutrowid.html): stored once, clustered on
/// the key, instead of a rowid table plus an index repeating every key. EF Core has no option for
/// it, and rebuilds a table (as <c>ef_temp_NAME</c>) when a migration alters a column, so the
/// choice lives here, by table name, where every CREATE TABLE of a migration is written.
/// </summary>
#pragma warning disable EF1001 // SqliteMigrationsSqlGenerator is public API meant for replacing.
internal sealed class WithoutRowIdMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider migrationsAnnotations)
    : SqliteMigrationsSqlGenerator(dependencies, migrationsAnnotations)
#pragma warning restore EF1001
{
    private const string RebuildPrefix = "ef_temp_";

    /// <summary>
    /// The tables stored without rowid. <c>report_values</c> is gone since the migration
    /// <c>ValueSets</c>, but the migrations before it (and its way down) still create it.
    /// </summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal) { "report_values", "value_totals" };

    public static bool IsWithoutRowId(string table) =>
        Tables.Contains(table) || (table.StartsWith(RebuildPrefix, StringComparison.Ordinal) && Tables.Contains(table[RebuildPrefix.Length..]));

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        base.Generate(operation, model, builder, terminate: false);
        if (IsWithoutRowId(operation.Name))
        {
            builder.Append(" WITHOUT ROWID");
        }

        if (terminate)
        {
            builder.AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
            EndStatement(builder);
        }
    }
}
