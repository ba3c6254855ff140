using System.Diagnostics;
using Npgsql;

namespace Will.Marketplace.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by WILL_TEST_POSTGRES (a connection string
/// to a server where the user may create databases), or else a throwaway cluster started from the
/// Debian packages in a temporary folder. Missing PostgreSQL fails the tests; it never skips them.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? _dataDir;
    private readonly string? _binDir;

    private PostgresServer(string adminConnectionString, string? dataDir, string? binDir)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _binDir = binDir;
    }

    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("WILL_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return new PostgresServer(configured, null, null);
        }

        var binDir = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (binDir is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is needed by these tests: install it (apt-get install -y postgresql) or set WILL_TEST_POSTGRES to a connection string.");
        }

        var dataDir = Path.Combine(Path.GetTempPath(), $"will-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await Run("chown", $"postgres:postgres {dataDir}");
        }

        var port = FreePort.Next();
        await RunAsOwner(asRoot, Path.Combine(binDir, "initdb"), $"-D {dataDir} -A trust -U postgres --no-sync -E UTF8");
        await RunAsOwner(asRoot, Path.Combine(binDir, "pg_ctl"),
            $"-D {dataDir} -w -t 60 -l {dataDir}/server.log -o \"-p {port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", dataDir, binDir);
    }

    /// <summary>A new, empty database on this server.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is null || _binDir is null)
        {
            return;
        }

        await RunAsOwner(Environment.UserName == "root", Path.Combine(_binDir, "pg_ctl"), $"-D {_dataDir} -m immediate -w stop");
        Directory.Delete(_dataDir, recursive: true);
    }

    private static Task RunAsOwner(bool asRoot, string program, string arguments) =>
        asRoot ? Run("runuser", $"-u postgres -- {program} {arguments}") : Run(program, arguments);

    private static async Task Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
