using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Berichtenverkeer.Store.Migrations;

internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// Applies the numbered scripts embedded under Migrations/&lt;Dialect&gt;/NNNN_name.sql that the schema_version table does
/// not list yet, all in one transaction (both databases have transactional DDL), under the dialect's migration lock.
/// </summary>
internal static class Migrator
{
    public static IReadOnlyList<Migration> Scripts(string folder)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{typeof(Migrator).Namespace}.{folder}.";
        var scripts = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            scripts.Add(new Migration(version, file, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations of {folder} must be numbered 1, 2, 3 … without gaps or doubles; found {scripts[i].Name}.");
            }
        }

        return scripts;
    }

    public static async Task<int> MigrateAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        var scripts = Scripts(dialect.MigrationFolder);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await dialect.PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, dialect.SchemaVersionDdl, cancellationToken).ConfigureAwait(false);

        var applied = await AppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (applied.Count > 0 && applied.Max() > scripts.Count)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {applied.Max()} but this build knows migrations up to {scripts.Count}: run a newer build.");
        }

        var count = 0;
        foreach (var script in scripts.Where(s => !applied.Contains(s.Version)))
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @applied_at)";
            record.Parameters.Add(dialect.Parameter("@version", (long)script.Version, Schema.ColumnType.Int64));
            record.Parameters.Add(dialect.Parameter("@name", script.Name, Schema.ColumnType.Text));
            record.Parameters.Add(dialect.Parameter("@applied_at", DateTimeOffset.UtcNow, Schema.ColumnType.Timestamp));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public static async Task<int> VersionAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, dialect.SchemaVersionDdl, cancellationToken).ConfigureAwait(false);
        var applied = await AppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied.Count == 0 ? 0 : applied.Max();
    }

    private static async Task<HashSet<int>> AppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_version";
        var applied = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(checked((int)reader.GetInt64(0)));
        }

        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing migration resource {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
