using System.Reflection;
using Xunit.Sdk;

namespace Berichtenverkeer.Store.Tests;

/// <summary>Runs a contract theory against SQLite (always available: in memory).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StateStoreOptions.Sqlite]];
}

/// <summary>
/// Runs a contract theory against PostgreSQL at BERICHTENVERKEER_POSTGRES. Without it the row is skipped with the
/// reason — except on CI (CI=true), where it runs and fails with a clear message: PostgreSQL tests never skip silently there.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (PostgresTestDatabase.ConnectionString is null && !PostgresTestDatabase.IsCi)
        {
            Skip = $"{PostgresTestDatabase.EnvironmentVariable} is not set: start PostgreSQL with `eval \"$(deploy/local-services.sh)\"` to run the PostgreSQL tests.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StateStoreOptions.Postgres]];
}
