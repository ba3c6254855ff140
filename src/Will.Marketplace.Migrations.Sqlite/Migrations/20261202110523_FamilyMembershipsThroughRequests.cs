using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FamilyMembershipsThroughRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PoolMemberships_FamilyId",
                table: "PoolMemberships");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PoolMemberships_FamilyId",
                table: "PoolMemberships",
                column: "FamilyId");
        }
    }
}
