using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Reminders",
                columns: table => new
                {
                    ServiceId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 150, nullable: false),
                    GrainId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    StartAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    GrainHash = table.Column<long>(type: "INTEGER", nullable: false),
                    ETag = table.Column<Guid>(type: "TEXT", nullable: false)
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
