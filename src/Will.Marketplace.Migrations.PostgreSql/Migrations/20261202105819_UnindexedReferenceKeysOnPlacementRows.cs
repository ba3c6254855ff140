using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class UnindexedReferenceKeysOnPlacementRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_CategoryCode",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_MunicipalityCode",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_DemandPools_CategoryCode",
                table: "DemandPools");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_CategoryCode",
                table: "Requests",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_MunicipalityCode",
                table: "Requests",
                column: "MunicipalityCode");

            migrationBuilder.CreateIndex(
                name: "IX_DemandPools_CategoryCode",
                table: "DemandPools",
                column: "CategoryCode");
        }
    }
}
