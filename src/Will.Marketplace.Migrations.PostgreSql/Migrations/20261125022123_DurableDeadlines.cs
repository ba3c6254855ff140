using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DurableDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BiddingExtended",
                table: "DemandPools",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    ServiceId = table.Column<string>(type: "character varying(150)", unicode: false, maxLength: 150, nullable: false),
                    GrainId = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    StartAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PeriodTicks = table.Column<long>(type: "bigint", nullable: false),
                    GrainHash = table.Column<long>(type: "bigint", nullable: false),
                    ETag = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reminders", x => new { x.ServiceId, x.GrainId, x.Name });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reminders_ServiceId_GrainHash",
                table: "Reminders",
                columns: new[] { "ServiceId", "GrainHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reminders");

            migrationBuilder.DropColumn(
                name: "BiddingExtended",
                table: "DemandPools");
        }
    }
}
