using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VendorRisk.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentNoticesAndAnswerVersionMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PrefillNotice",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReassessmentNotice",
                table: "Assessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AnswerVersionMarks",
                columns: table => new
                {
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerVersionMarks", x => new { x.AssessmentId, x.QuestionKey });
                    table.ForeignKey(
                        name: "FK_AnswerVersionMarks_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
            // The notices and the answer versions were read back from the audit log; they move to their own columns,
            // filled from the log once. A cleared answer's mark is its number of audit entries, which no earlier
            // version can exceed (every save wrote one).
            migrationBuilder.Sql("""
                UPDATE "Assessments" SET "ReassessmentNotice" = (
                    SELECT e."NewValue" FROM "AuditEntries" e
                    WHERE e."EntityType" = 'assessment' AND e."EntityId" = CAST("Assessments"."Id" AS TEXT) AND e."Action" = 'assessment-reassessed'
                    ORDER BY e."Id" DESC LIMIT 1);
                UPDATE "Assessments" SET "PrefillNotice" = (
                    SELECT e."NewValue" FROM "AuditEntries" e
                    WHERE e."EntityType" = 'assessment' AND e."EntityId" = CAST("Assessments"."Id" AS TEXT) AND e."Action" = 'assessment-prefilled'
                    ORDER BY e."Id" DESC LIMIT 1);
                INSERT INTO "AnswerVersionMarks" ("AssessmentId", "QuestionKey", "Version")
                SELECT m.assessment_id, m.question_key, m.saves FROM (
                    SELECT CAST(substr(e."EntityId", 1, instr(e."EntityId", '/') - 1) AS INTEGER) AS assessment_id, substr(e."EntityId", instr(e."EntityId", '/') + 1) AS question_key, COUNT(*) AS saves
                    FROM "AuditEntries" e
                    WHERE e."EntityType" = 'answer' AND e."EntityId" LIKE '%/%'
                    GROUP BY e."EntityId") m
                WHERE EXISTS (SELECT 1 FROM "Assessments" s WHERE s."Id" = m.assessment_id)
                  AND NOT EXISTS (SELECT 1 FROM "Answers" a WHERE a."AssessmentId" = m.assessment_id AND a."QuestionKey" = m.question_key);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerVersionMarks");

            migrationBuilder.DropColumn(
                name: "PrefillNotice",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "ReassessmentNotice",
                table: "Assessments");
        }
    }
}
