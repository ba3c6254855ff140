using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Bidding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProviderId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AwardWeights",
                columns: table => new
                {
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", unicode: false, maxLength: 6, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    Price = table.Column<int>(type: "integer", nullable: false),
                    Quality = table.Column<int>(type: "integer", nullable: false),
                    Outcomes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardWeights", x => new { x.MunicipalityCode, x.CategoryCode });
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LegalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VatNumber = table.Column<string>(type: "character varying(11)", unicode: false, maxLength: 11, nullable: false),
                    FiscalCode = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ThirdSectorNumber = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: true),
                    Categories = table.Column<string>(type: "character varying(400)", unicode: false, maxLength: 400, nullable: false),
                    Coverage = table.Column<string>(type: "character varying(2000)", unicode: false, maxLength: 2000, nullable: false),
                    CapacityFamilies = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Accreditations",
                columns: table => new
                {
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", unicode: false, maxLength: 6, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SuspensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accreditations", x => new { x.ProviderId, x.MunicipalityCode, x.CategoryCode });
                    table.ForeignKey(
                        name: "FK_Accreditations_Municipalities_MunicipalityCode",
                        column: x => x.MunicipalityCode,
                        principalTable: "Municipalities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Accreditations_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Accreditations_ServiceCategories_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "ServiceCategories",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    PriceCents = table.Column<long>(type: "bigint", nullable: false),
                    Unit = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    Commitments = table.Column<string>(type: "character varying(400)", unicode: false, maxLength: 400, nullable: false),
                    ContinuityPledge = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bids_DemandPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "DemandPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Bids_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    PoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    BidId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeeklyCostCents = table.Column<long>(type: "bigint", nullable: false),
                    AwardedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Breakdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Awards", x => x.PoolId);
                    table.ForeignKey(
                        name: "FK_Awards_Bids_BidId",
                        column: x => x.BidId,
                        principalTable: "Bids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Awards_DemandPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "DemandPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_CategoryCode",
                table: "Accreditations",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Accreditations_MunicipalityCode_CategoryCode",
                table: "Accreditations",
                columns: new[] { "MunicipalityCode", "CategoryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_BidId",
                table: "Awards",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_PoolId_ProviderId",
                table: "Bids",
                columns: new[] { "PoolId", "ProviderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bids_ProviderId",
                table: "Bids",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_VatNumber",
                table: "Providers",
                column: "VatNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Accreditations");

            migrationBuilder.DropTable(
                name: "Awards");

            migrationBuilder.DropTable(
                name: "AwardWeights");

            migrationBuilder.DropTable(
                name: "Bids");

            migrationBuilder.DropTable(
                name: "Providers");

            migrationBuilder.DropColumn(
                name: "ProviderId",
                table: "AspNetUsers");
        }
    }
}
