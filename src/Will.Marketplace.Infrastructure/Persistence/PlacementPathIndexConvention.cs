using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Will.Marketplace.Infrastructure.Persistence.Entities;

namespace Will.Marketplace.Infrastructure.Persistence;

/// <summary>
/// EF's index on every foreign key, except the keys from the rows a placement writes (requests and
/// pools) to the reference data (municipalities and categories). No query reads those rows by
/// municipality or category alone (pools are found through their (municipality, category, status)
/// index, requests by id or family), and reference rows are never deleted, so those indexes only
/// cost each placement a page written per index in its commit (docs/decisions.md). The keys
/// themselves stay and are still enforced.
/// </summary>
internal sealed class PlacementPathIndexConvention(ProviderConventionSetBuilderDependencies dependencies)
    : ForeignKeyIndexConvention(dependencies)
{
    private static readonly HashSet<Type> PlacementRows = [typeof(RequestRecord), typeof(PoolRecord)];

    private static readonly HashSet<Type> ReferenceRows = [typeof(MunicipalityRecord), typeof(CategoryRecord)];

    /// <summary>Whether the foreign key goes unindexed: from a row the placement path writes to reference data.</summary>
    private static bool Unindexed(IReadOnlyForeignKey foreignKey) =>
        PlacementRows.Contains(foreignKey.DeclaringEntityType.ClrType) && ReferenceRows.Contains(foreignKey.PrincipalEntityType.ClrType);

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder)
    {
        var keys = entityTypeBuilder.Metadata.FindForeignKeys(properties).ToList();
        return keys.Count > 0 && keys.All(Unindexed) ? null : base.CreateIndex(properties, unique, entityTypeBuilder);
    }
}
