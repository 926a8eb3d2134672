using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gongkai.Storage.Sqlite;

/// <summary>
/// An INSERT prepared once on SQLite's own statement API (SQLitePCLRaw, which Microsoft.Data.Sqlite
/// is built on), its values bound by position. Microsoft.Data.Sqlite binds every parameter by
/// name and builds a data reader per execution, which costs more than SQLite's own work for the
/// small rows an import writes by the million (findings, the rollup's totals).
/// </summary>
/// <remarks>
/// Only for tables whose stored values (after EF Core's converters) are integers, booleans, text,
/// blobs, doubles or decimals: those bind here exactly as Microsoft.Data.Sqlite binds them (decimal
/// as invariant text "0.0###…"). Dates keep the Microsoft.Data.Sqlite path, whose text forms
/// depend on its version. A test compares the stored forms of both paths column by column.
/// </remarks>
internal sealed class RawInsert : IDisposable
{
    private static readonly HashSet<Type> Supported =
    [
        typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(string), typeof(byte[]), typeof(double), typeof(decimal),
    ];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private RawInsert(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>True when every column's stored type binds here exactly as Microsoft.Data.Sqlite would.</summary>
    public static bool Handles(TableLayout table) =>
        table.Columns.All(c => Supported.Contains(Nullable.GetUnderlyingType(c.StoreType) ?? c.StoreType));

    /// <summary>Prepares <paramref name="sql"/>, an INSERT with one parameter per column in column order.</summary>
    public static RawInsert Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return new RawInsert(db, statement);
    }

    /// <summary>Inserts one row: its stored values in column order.</summary>
    public void Execute(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            Check(_db, Bind(i + 1, row[i]));
        }

        var done = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (done != raw.SQLITE_DONE)
        {
            Check(_db, done);
        }
    }

    public void Dispose() => _statement.Dispose();

    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        short number => raw.sqlite3_bind_int64(_statement, index, number),
        byte number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        decimal number => raw.sqlite3_bind_text(_statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"No raw binding for {value.GetType().Name}."),
    };

    /// <summary>An SQLite error as the same exception Microsoft.Data.Sqlite would throw (a DbException).</summary>
    private static void Check(sqlite3 db, int result)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }
}
