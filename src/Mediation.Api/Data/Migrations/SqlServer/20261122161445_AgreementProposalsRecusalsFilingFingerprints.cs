using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AgreementProposalsRecusalsFilingFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ProposalId",
                table: "Outcomes",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestSha256",
                table: "IdempotencyKeys",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StepId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProposedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Facts = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Terms = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Signatures = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RejectedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RejectionReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementProposals_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediatorRecusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MediatorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecusedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediatorRecusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediatorRecusals_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MediatorRecusals_Mediators_MediatorId",
                        column: x => x.MediatorId,
                        principalTable: "Mediators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_ProposalId",
                table: "Outcomes",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementProposal_Dispute",
                table: "AgreementProposals",
                columns: new[] { "DisputeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MediatorRecusal_Dispute",
                table: "MediatorRecusals",
                columns: new[] { "DisputeId", "MediatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediatorRecusals_MediatorId",
                table: "MediatorRecusals",
                column: "MediatorId");

            migrationBuilder.AddForeignKey(
                name: "FK_Outcomes_AgreementProposals_ProposalId",
                table: "Outcomes",
                column: "ProposalId",
                principalTable: "AgreementProposals",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Outcomes_AgreementProposals_ProposalId",
                table: "Outcomes");

            migrationBuilder.DropTable(
                name: "AgreementProposals");

            migrationBuilder.DropTable(
                name: "MediatorRecusals");

            migrationBuilder.DropIndex(
                name: "IX_Outcomes_ProposalId",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "ProposalId",
                table: "Outcomes");

            migrationBuilder.DropColumn(
                name: "RequestSha256",
                table: "IdempotencyKeys");
        }
    }
}
