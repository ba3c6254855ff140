using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Will.Marketplace.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Money : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StripeAccountId",
                table: "Providers",
                type: "character varying(100)",
                unicode: false,
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StripeDetailsSubmitted",
                table: "Providers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "StripePayoutsEnabled",
                table: "Providers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Bills",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", unicode: false, maxLength: 7, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    GrossCents = table.Column<long>(type: "bigint", nullable: false),
                    HoldbackCents = table.Column<long>(type: "bigint", nullable: false),
                    Shares = table.Column<string>(type: "text", unicode: false, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bills", x => new { x.OrderId, x.Period, x.Revision });
                    table.ForeignKey(
                        name: "FK_Bills_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyPaymentProfiles",
                columns: table => new
                {
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: false),
                    StripeCustomerId = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false),
                    SetupIntentId = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: true),
                    PaymentMethodId = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyPaymentProfiles", x => x.FamilyId);
                });

            migrationBuilder.CreateTable(
                name: "IseeDeclarations",
                columns: table => new
                {
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: false),
                    IseeCents = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DsuProtocol = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IseeDeclarations", x => x.FamilyId);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Movement = table.Column<string>(type: "character varying(30)", unicode: false, maxLength: 30, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<string>(type: "character varying(7)", unicode: false, maxLength: 7, nullable: true),
                    AccountKind = table.Column<string>(type: "character varying(30)", unicode: false, maxLength: 30, nullable: false),
                    AccountOwner = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: true),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentInstructions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", unicode: false, maxLength: 7, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: false),
                    StripeId = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentInstructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentInstructions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", unicode: false, maxLength: 6, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubsidyProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", unicode: false, maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Categories = table.Column<string>(type: "character varying(400)", unicode: false, maxLength: 400, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    BudgetCents = table.Column<long>(type: "bigint", nullable: false),
                    Bands = table.Column<string>(type: "character varying(4000)", unicode: false, maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubsidyGrants",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", unicode: false, maxLength: 7, nullable: false),
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "character varying(6)", unicode: false, maxLength: 6, nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    IseeCents = table.Column<long>(type: "bigint", nullable: false),
                    RequestedCents = table.Column<long>(type: "bigint", nullable: false),
                    GrantedCents = table.Column<long>(type: "bigint", nullable: false),
                    ShortOfBudget = table.Column<bool>(type: "boolean", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SettledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SettlementReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubsidyGrants", x => new { x.OrderId, x.Period, x.FamilyId });
                    table.ForeignKey(
                        name: "FK_SubsidyGrants_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubsidyGrants_SubsidyProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "SubsidyProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Providers_StripeAccountId",
                table: "Providers",
                column: "StripeAccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AccountKind_AccountOwner",
                table: "LedgerEntries",
                columns: new[] { "AccountKind", "AccountOwner" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrderId",
                table: "LedgerEntries",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_PostingId",
                table: "LedgerEntries",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentInstructions_IdempotencyKey",
                table: "PaymentInstructions",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentInstructions_OrderId_Period",
                table: "PaymentInstructions",
                columns: new[] { "OrderId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentInstructions_Status",
                table: "PaymentInstructions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationItems_MunicipalityCode_ResolvedAt",
                table: "ReconciliationItems",
                columns: new[] { "MunicipalityCode", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationItems_Reference",
                table: "ReconciliationItems",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyGrants_MunicipalityCode_Period",
                table: "SubsidyGrants",
                columns: new[] { "MunicipalityCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyGrants_ProgrammeId",
                table: "SubsidyGrants",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_SubsidyProgrammes_MunicipalityCode",
                table: "SubsidyProgrammes",
                column: "MunicipalityCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bills");

            migrationBuilder.DropTable(
                name: "FamilyPaymentProfiles");

            migrationBuilder.DropTable(
                name: "IseeDeclarations");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "PaymentInstructions");

            migrationBuilder.DropTable(
                name: "ReconciliationItems");

            migrationBuilder.DropTable(
                name: "SubsidyGrants");

            migrationBuilder.DropTable(
                name: "SubsidyProgrammes");

            migrationBuilder.DropIndex(
                name: "IX_Providers_StripeAccountId",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "StripeAccountId",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "StripeDetailsSubmitted",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "StripePayoutsEnabled",
                table: "Providers");
        }
    }
}
