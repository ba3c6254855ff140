using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PoolQuorumReachedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QuorumReachedAt",
                table: "DemandPools",
                type: "datetimeoffset",
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
