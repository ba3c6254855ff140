using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PoolQuorumReachedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "QuorumReachedAt",
                table: "DemandPools",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QuorumReachedAt",
                table: "DemandPools");
        }
    }
}
