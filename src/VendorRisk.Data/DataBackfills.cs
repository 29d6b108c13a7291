namespace VendorRisk.Data;

/// <summary>Data written into existing databases by migrations, one statement each, in SQL both providers run.</summary>
public static class DataBackfills
{
    /// <summary>
    /// Assessments submitted before the submitter was stored (ADR 0073) take it from their latest submission in the audit
    /// log, so that four eyes holds for them too: without it their submitter could still review them.
    /// </summary>
    public const string SubmitterFromAuditLog = """
        UPDATE "Assessments" SET "SubmittedById" = (
            SELECT e."UserId" FROM "AuditEntries" AS e
            WHERE e."Action" = 'assessment-submitted' AND e."EntityType" = 'assessment'
              AND e."EntityId" = CAST("Assessments"."Id" AS TEXT)
            ORDER BY e."Id" DESC
            LIMIT 1)
        WHERE "SubmittedAt" IS NOT NULL AND "SubmittedById" IS NULL
        """;
}
