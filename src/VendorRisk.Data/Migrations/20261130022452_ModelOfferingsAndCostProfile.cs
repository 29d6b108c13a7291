using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorRisk.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModelOfferingsAndCostProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ActiveHours",
                table: "WorkloadProfiles",
                type: "REAL",
                nullable: false,
                defaultValue: 220.0);

            migrationBuilder.AddColumn<double>(
                name: "BatchShare",
                table: "WorkloadProfiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "CachedInputShare",
                table: "WorkloadProfiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "MonthlyGrowth",
                table: "WorkloadProfiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "ReasoningRatio",
                table: "WorkloadProfiles",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<bool>(
                name: "Residency",
                table: "WorkloadProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Units",
                table: "WorkloadProfiles",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ModelOfferingId",
                table: "Assessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelOfferings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VendorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ProviderModelId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelOfferings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelOfferings_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ModelOfferingId",
                table: "Assessments",
                column: "ModelOfferingId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelOfferings_VendorId_NormalizedName",
                table: "ModelOfferings",
                columns: new[] { "VendorId", "NormalizedName" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Assessments_ModelOfferings_ModelOfferingId",
                table: "Assessments",
                column: "ModelOfferingId",
                principalTable: "ModelOfferings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Assessments_ModelOfferings_ModelOfferingId",
                table: "Assessments");

            migrationBuilder.DropTable(
                name: "ModelOfferings");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_ModelOfferingId",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ActiveHours",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "BatchShare",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "CachedInputShare",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "MonthlyGrowth",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "ReasoningRatio",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "Residency",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "Units",
                table: "WorkloadProfiles");

            migrationBuilder.DropColumn(
                name: "ModelOfferingId",
                table: "Assessments");
        }
    }
}
