namespace Will.Marketplace.Infrastructure.Tests;

/// <summary>One real PostgreSQL server for this assembly.</summary>
[SetUpFixture]
public sealed class PostgresFixture
{
    public static PostgresServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start() => Server = await PostgresServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await Server.DisposeAsync();
}
