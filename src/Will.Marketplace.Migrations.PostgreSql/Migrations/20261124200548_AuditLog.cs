using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Will.Marketplace.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorRoles = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", unicode: false, maxLength: 30, nullable: false),
                    Resource = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", unicode: false, maxLength: 6, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(45)", unicode: false, maxLength: 45, nullable: true)
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
