using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorRisk.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredScoresAndListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Assessments_AssessorId",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_VendorId",
                table: "Assessments");

            migrationBuilder.AddColumn<string>(
                name: "ScoreBandRating",
                table: "Assessments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoreCappedRating",
                table: "Assessments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ScoreCompleteness",
                table: "Assessments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "ScoreKnockouts",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ScoreOverall",
                table: "Assessments",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoreRating",
                table: "Assessments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScoreRatingUntil",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreRevision",
                table: "Assessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScoreSections",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vendors_IsArchived_NormalizedName",
                table: "Vendors",
                columns: new[] { "IsArchived", "NormalizedName" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action",
                table: "AuditEntries",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AssessorId_Status",
                table: "Assessments",
                columns: new[] { "AssessorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CreatedAt",
                table: "Assessments",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ScoreOverall",
                table: "Assessments",
                column: "ScoreOverall");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_VendorId_Status_ReviewedAt",
                table: "Assessments",
                columns: new[] { "VendorId", "Status", "ReviewedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Vendors_IsArchived_NormalizedName",
                table: "Vendors");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Action",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_AssessorId_Status",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_CreatedAt",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_ScoreOverall",
                table: "Assessments");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_VendorId_Status_ReviewedAt",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreBandRating",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreCappedRating",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreCompleteness",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreKnockouts",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreOverall",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreRating",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreRatingUntil",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreRevision",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ScoreSections",
                table: "Assessments");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AssessorId",
                table: "Assessments",
                column: "AssessorId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_VendorId",
                table: "Assessments",
                column: "VendorId");
        }
    }
}
