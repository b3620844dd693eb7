namespace Berichtenverkeer.Store.Schema;

/// <summary>
/// One step of a write transaction, described without SQL dialect: the shared store code decides what is written in which
/// order; each dialect decides how (SQLite: prepared commands re-executed; PostgreSQL: one batch, rows as arrays).
/// </summary>
internal abstract class WriteStep;

/// <summary>Insert rows into a table (nothing when there are none).</summary>
internal abstract class InsertStep : WriteStep
{
    public abstract ITable Table { get; }

    public abstract int Count { get; }

    public abstract object? Value(int row, int column);
}

internal sealed class InsertStep<T>(Table<T> table, IReadOnlyList<T> rows) : InsertStep
{
    public override ITable Table => table;

    public override int Count => rows.Count;

    public override object? Value(int row, int column) => table.Columns[column].Value(rows[row]);
}

internal sealed record SqlParameterValue(string Name, object? Value, ColumnType Type);

/// <summary>
/// A statement with parameters. When <see cref="ExpectedRows"/> is set and the statement affects another number of rows,
/// the transaction is rolled back and a <see cref="Matching.State.StateConflictException"/> with <see cref="ConflictMessage"/> is thrown.
/// </summary>
internal sealed class CommandStep(string sql, IReadOnlyList<SqlParameterValue> parameters, int? expectedRows = null, string? conflictMessage = null) : WriteStep
{
    public string Sql { get; } = sql;

    public IReadOnlyList<SqlParameterValue> Parameters { get; } = parameters;

    public int? ExpectedRows { get; } = expectedRows;

    public string? ConflictMessage { get; } = conflictMessage;
}
