namespace Will.Marketplace.Domain.Catalog;

public static class PoolingModeNames
{
    public static string ToName(this PoolingMode mode) => mode == PoolingMode.Group ? "group" : "shared-worker";

    public static PoolingMode Parse(string name) => name switch
    {
        "group" => PoolingMode.Group,
        "shared-worker" => PoolingMode.SharedWorker,
        _ => throw new FormatException($"Unknown pooling mode '{name}'."),
    };
}
