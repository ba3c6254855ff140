using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PoolMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PoolMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoolMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoolMessages_DemandPools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "DemandPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PoolMessages_FamilyId",
                table: "PoolMessages",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_PoolMessages_PoolId_SentAt",
                table: "PoolMessages",
                columns: new[] { "PoolId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PoolMessages");
        }
    }
}
