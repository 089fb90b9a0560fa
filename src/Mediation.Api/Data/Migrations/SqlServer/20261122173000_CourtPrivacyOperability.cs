using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mediation.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CourtPrivacyOperability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Anonymisations",
                columns: table => new
                {
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AnonymisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PartiesAnonymised = table.Column<int>(type: "int", nullable: false),
                    AttachmentsDeleted = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Anonymisations", x => x.DisputeId);
                    table.ForeignKey(
                        name: "FK_Anonymisations_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JudicialConfirmationApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementOutcomeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    WindowClosesAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CourtCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CourtName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MediationOrganisationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    MediationOrganisationName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Consents = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    NextPollAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CourtCaseNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CourtReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JudicialConfirmationApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JudicialConfirmationApplications_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisputeReference = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PartyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PublicationConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisputeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationConsents_Disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalTable: "Disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JudicialConfirmationApplications_DisputeId_AgreementOutcomeId",
                table: "JudicialConfirmationApplications",
                columns: new[] { "DisputeId", "AgreementOutcomeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JudicialConfirmationApplications_Status_NextAttemptAt",
                table: "JudicialConfirmationApplications",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JudicialConfirmationApplications_Status_NextPollAt",
                table: "JudicialConfirmationApplications",
                columns: new[] { "Status", "NextPollAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_ActorUserId_At",
                table: "PersonalDataAccessLog",
                columns: new[] { "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_At",
                table: "PersonalDataAccessLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalDataAccessLog_DisputeId_At",
                table: "PersonalDataAccessLog",
                columns: new[] { "DisputeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicationConsents_DisputeId_PartyId",
                table: "PublicationConsents",
                columns: new[] { "DisputeId", "PartyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Anonymisations");

            migrationBuilder.DropTable(
                name: "JudicialConfirmationApplications");

            migrationBuilder.DropTable(
                name: "PersonalDataAccessLog");

            migrationBuilder.DropTable(
                name: "PublicationConsents");
        }
    }
}
