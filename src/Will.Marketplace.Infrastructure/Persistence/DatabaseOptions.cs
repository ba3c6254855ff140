using System.ComponentModel.DataAnnotations;

namespace Will.Marketplace.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Section "Database". With nothing configured: a SQLite file beside the app.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required(AllowEmptyStrings = false, ErrorMessage = "Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=will-marketplace.db";

    /// <summary>Apply pending migrations when the app starts (the embedded default and tests rely on it).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public static string MigrationsAssemblyFor(DatabaseProvider provider) => $"Will.Marketplace.Migrations.{provider}";
}
