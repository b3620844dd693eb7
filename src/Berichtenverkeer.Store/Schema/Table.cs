using System.Data.Common;

namespace Berichtenverkeer.Store.Schema;

/// <summary>The database-neutral kinds of value a column holds; each dialect maps them to its own types and parameters.</summary>
internal enum ColumnType
{
    Text,
    Int64,
    Date,
    Time,
    Timestamp,
    Bool,
    Bytes,
}

internal sealed record Column<T>(string Name, ColumnType Type, Func<T, object?> Value);

/// <summary>A table's shape, without the record type: what a dialect needs to write rows.</summary>
internal interface ITable
{
    string Name { get; }

    IReadOnlyList<(string Name, ColumnType Type)> ColumnShapes { get; }

    /// <summary>For tables where re-inserting an existing key is a no-op (ON CONFLICT (...) DO NOTHING), the key columns.</summary>
    string? IgnoreConflictsOn { get; }
}

/// <summary>
/// One table: its columns with how each is taken from a record (inserts) and how a record is read back from the same
/// column order (selects). Shared by both dialects, so mapping is written once. Every table but <c>message</c> has a
/// surrogate <c>id</c> column, selected first so compound (UNION) queries can order by it.
/// </summary>
internal sealed class Table<T> : ITable
{
    public Table(string name, bool hasId, Column<T>[] columns, Func<RowCursor, T> read, string? ignoreConflictsOn = null)
    {
        Name = name;
        HasId = hasId;
        Columns = columns;
        Read = read;
        IgnoreConflictsOn = ignoreConflictsOn;
        ColumnShapes = columns.Select(c => (c.Name, c.Type)).ToArray();
        SelectList = (hasId ? "id, " : string.Empty) + string.Join(", ", columns.Select(c => c.Name));
    }

    public string Name { get; }

    public bool HasId { get; }

    public Column<T>[] Columns { get; }

    public IReadOnlyList<(string Name, ColumnType Type)> ColumnShapes { get; }

    public string? IgnoreConflictsOn { get; }

    /// <summary>The select list in column order (id first when the table has one).</summary>
    public string SelectList { get; }

    public Func<RowCursor, T> Read { get; }

    public T ReadRow(DbDataReader reader) => Read(new RowCursor(reader, HasId ? 1 : 0));
}

/// <summary>Reads the columns of one row in order. GetFieldValue&lt;DateOnly/TimeOnly/DateTimeOffset&gt; works on both providers
/// (SQLite parses the ISO text the SQLite dialect writes).</summary>
internal sealed class RowCursor(DbDataReader reader, int start)
{
    private int _ordinal = start;

    public string Text() => reader.GetString(_ordinal++);

    public string? NullableText()
    {
        var i = _ordinal++;
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public long Int64() => reader.GetInt64(_ordinal++);

    public long? NullableInt64()
    {
        var i = _ordinal++;
        return reader.IsDBNull(i) ? null : reader.GetInt64(i);
    }

    public DateOnly Date() => reader.GetFieldValue<DateOnly>(_ordinal++);

    public DateOnly? NullableDate()
    {
        var i = _ordinal++;
        return reader.IsDBNull(i) ? null : reader.GetFieldValue<DateOnly>(i);
    }

    public TimeOnly Time() => reader.GetFieldValue<TimeOnly>(_ordinal++);

    public DateTimeOffset Timestamp() => reader.GetFieldValue<DateTimeOffset>(_ordinal++);

    public bool Bool() => reader.GetBoolean(_ordinal++);

    public byte[]? NullableBytes()
    {
        var i = _ordinal++;
        return reader.IsDBNull(i) ? null : reader.GetFieldValue<byte[]>(i);
    }
}
