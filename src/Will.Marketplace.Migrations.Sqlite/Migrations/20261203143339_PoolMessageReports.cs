using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PoolMessageReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HiddenAt",
                table: "PoolMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HiddenBy",
                table: "PoolMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedAt",
                table: "PoolMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReportedBy",
                table: "PoolMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PoolMessages_ReportedAt",
                table: "PoolMessages",
                column: "ReportedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PoolMessages_ReportedAt",
                table: "PoolMessages");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "PoolMessages");

            migrationBuilder.DropColumn(
                name: "HiddenBy",
                table: "PoolMessages");

            migrationBuilder.DropColumn(
                name: "ReportedAt",
                table: "PoolMessages");

            migrationBuilder.DropColumn(
                name: "ReportedBy",
                table: "PoolMessages");
        }
    }
}
