using System.Data.Common;
using Berichtenverkeer.Processing.Ledger;

namespace Berichtenverkeer.Gateway.Tests.Faults;

/// <summary>One row of the gateway's ledger, read with plain SQL so a test sees every record, also of submissions it got no id for.</summary>
public sealed record LedgerRow(string MessageId, string? Afzender, string? Ontvanger, string? MessageType, string? Identificatie, Disposition Disposition, string RuleCodes)
{
    /// <summary>The message as its sender means it: TR056's key. A re-sent copy has another message id but the same key.</summary>
    public string Key => $"{Afzender}/{MessageType}/{Identificatie}";

    public static async Task<List<LedgerRow>> ReadAllAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_id, afzender, ontvanger, message_type, identificatie, disposition, rule_codes FROM ledger";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LedgerRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.Parse<Disposition>(reader.GetString(5)),
                reader.GetString(6)));
        }

        return rows;
    }

    public static async Task<long> PendingOutboxAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
