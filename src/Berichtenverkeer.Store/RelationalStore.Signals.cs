using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Store.Schema;

namespace Berichtenverkeer.Store;

/// <summary>
/// Everything the fraud-suspicion batch (Berichtenverkeer.Signals) reads for a set of municipalities: all assignment
/// versions and regie records, and the prestaties and declarations whose period overlaps [from, to], with the message
/// records they rest on (dagtekening, content hash). Read-only; pass a <c>from</c> that includes the history the period
/// rules compare against (e.g. 12 months for FR32).
/// </summary>
public sealed record SignalSource(
    IReadOnlyList<AssignmentRecord> Assignments,
    IReadOnlyList<RegieRecord> Regie,
    IReadOnlyList<PrestatieRecord> Prestaties,
    IReadOnlyList<DeclarationRecord> Declarations,
    IReadOnlyList<MessageRecord> Messages);

public abstract partial class RelationalStore
{
    private const string SignalGemeenten = "@signal_gemeenten";
    private const string SignalFrom = "@signal_from";
    private const string SignalTo = "@signal_to";

    /// <summary>The state records of <paramref name="gemeenten"/> for a signal batch over [from, to] (see <see cref="SignalSource"/>).</summary>
    public Task<SignalSource> LoadSignalSourceAsync(IReadOnlyCollection<string> gemeenten, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gemeenten);
        return RunAsync(
            async ct =>
            {
                var inGemeenten = "gemeente " + _dialect.InList(SignalGemeenten);
                var prestatieWhere = $"{inGemeenten} AND product_periode_begin <= {SignalTo} AND product_periode_eind >= {SignalFrom}";
                var declarationWhere = $"{inGemeenten} AND periode_begin <= {SignalTo} AND periode_eind >= {SignalFrom}";
                var sql = string.Join(
                    ";\n",
                    $"SELECT {Tables.Assignments.SelectList} FROM assignment WHERE {inGemeenten} ORDER BY id",
                    $"SELECT {Tables.Regie.SelectList} FROM regie WHERE {inGemeenten} ORDER BY id",
                    $"SELECT {Tables.Prestaties.SelectList} FROM prestatie WHERE {prestatieWhere} ORDER BY id",
                    $"SELECT {Tables.Declarations.SelectList} FROM declaration WHERE {declarationWhere} ORDER BY id",
                    $"SELECT {Tables.Messages.SelectList} FROM message WHERE message_id IN ("
                        + $"SELECT message_id FROM assignment WHERE {inGemeenten} UNION SELECT message_id FROM regie WHERE {inGemeenten} "
                        + $"UNION SELECT message_id FROM prestatie WHERE {prestatieWhere}) ORDER BY message_id");
                await using var connection = await _dialect.OpenAsync(ct).ConfigureAwait(false);
                await using var transaction = await _dialect.BeginReadAsync(connection, ct).ConfigureAwait(false);
                await using var command = Command(connection, transaction, sql);
                command.Parameters.Add(_dialect.ListParameter(SignalGemeenten, gemeenten.Distinct(StringComparer.Ordinal).ToList()));
                command.Parameters.Add(_dialect.Parameter(SignalFrom, from, ColumnType.Date));
                command.Parameters.Add(_dialect.Parameter(SignalTo, to, ColumnType.Date));
                SignalSource source;
                await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    var assignments = await ReadAllAsync(reader, Tables.Assignments, ct).ConfigureAwait(false);
                    var regie = await NextAllAsync(reader, Tables.Regie, ct).ConfigureAwait(false);
                    var prestaties = await NextAllAsync(reader, Tables.Prestaties, ct).ConfigureAwait(false);
                    var declarations = await NextAllAsync(reader, Tables.Declarations, ct).ConfigureAwait(false);
                    var messages = await NextAllAsync(reader, Tables.Messages, ct).ConfigureAwait(false);
                    source = new SignalSource(assignments, regie, prestaties, declarations, messages);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return source;
            },
            cancellationToken);
    }
}
