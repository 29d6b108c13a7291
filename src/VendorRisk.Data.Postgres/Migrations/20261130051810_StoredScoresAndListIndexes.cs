using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorRisk.Data.Postgres.Migrations
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ScoreCappedRating",
                table: "Assessments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<double>(
                name: "ScoreCompleteness",
                table: "Assessments",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<List<string>>(
                name: "ScoreKnockouts",
                table: "Assessments",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ScoreOverall",
                table: "Assessments",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScoreRating",
                table: "Assessments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScoreRatingUntil",
                table: "Assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScoreRevision",
                table: "Assessments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<double?>>(
                name: "ScoreSections",
                table: "Assessments",
                type: "double precision[]",
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
