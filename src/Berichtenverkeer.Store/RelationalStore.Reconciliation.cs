using System.Runtime.CompilerServices;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Reconciliation;
using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>The read side of reconciliation (<see cref="IReconciliationSource"/>) over the state tables.</summary>
public abstract partial class RelationalStore : IReconciliationSource
{
    private const string From = "@from";
    private const string To = "@to";
    private const string Gemeenten = "@gemeenten";
    private const string Agbs = "@agbs";

    /// <inheritdoc />
    public async IAsyncEnumerable<AssignmentRecord> AssignmentsAsync(ReconciliationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var touching = $"SELECT gemeente, agb, toewijzingnummer FROM assignment WHERE ingangsdatum <= {To} AND (einddatum IS NULL OR einddatum >= {From})"
            + Filters(query);
        var sql = $"SELECT {Tables.Assignments.SelectList} FROM assignment WHERE (gemeente, agb, toewijzingnummer) IN ({touching}) ORDER BY id";
        foreach (var row in await QueryAsync(sql, query, Tables.Assignments, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PrestatieRecord> PrestatiesAsync(ReconciliationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var p = Tables.Prestaties.SelectList;
        var inPeriod = $"product_periode_begin <= {To} AND product_periode_eind >= {From}" + Filters(query);
        var sql = $"SELECT {p} FROM prestatie WHERE {inPeriod} "
            + $"UNION SELECT {p} FROM prestatie c WHERE c.vorig_referentienummer IS NOT NULL AND EXISTS "
            + $"(SELECT 1 FROM prestatie d WHERE d.agb = c.agb AND d.referentienummer = c.vorig_referentienummer AND d.{inPeriod.Replace(" AND ", " AND d.", StringComparison.Ordinal)}) "
            + "ORDER BY id";
        foreach (var row in await QueryAsync(sql, query, Tables.Prestaties, cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    private string Filters(ReconciliationQuery query) =>
        (query.Gemeenten is { Count: > 0 } ? $" AND gemeente {_dialect.InList(Gemeenten)}" : string.Empty)
        + (query.Agbs is { Count: > 0 } ? $" AND agb {_dialect.InList(Agbs)}" : string.Empty);

    private Task<List<T>> QueryAsync<T>(string sql, ReconciliationQuery query, Table<T> table, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var command = Command(connection, null, sql);
                command.Parameters.Add(_dialect.Parameter(From, query.From, ColumnType.Date));
                command.Parameters.Add(_dialect.Parameter(To, query.To, ColumnType.Date));
                if (query.Gemeenten is { Count: > 0 } gemeenten)
                {
                    command.Parameters.Add(_dialect.ListParameter(Gemeenten, gemeenten.ToList()));
                }

                if (query.Agbs is { Count: > 0 } agbs)
                {
                    command.Parameters.Add(_dialect.ListParameter(Agbs, agbs.ToList()));
                }

                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await ReadAllAsync(reader, table, ct).ConfigureAwait(false);
            },
            cancellationToken);
}
