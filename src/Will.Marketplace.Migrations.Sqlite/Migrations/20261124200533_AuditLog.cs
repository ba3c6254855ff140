using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorRoles = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 30, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MunicipalityCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", unicode: false, maxLength: 45, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_MunicipalityCode_At",
                table: "AuditLog",
                columns: new[] { "MunicipalityCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_SubjectId_At",
                table: "AuditLog",
                columns: new[] { "SubjectId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");
        }
    }
}
