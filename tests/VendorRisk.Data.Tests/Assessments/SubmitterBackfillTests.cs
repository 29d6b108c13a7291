using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;

namespace VendorRisk.Data.Tests.Assessments;

/// <summary>Four eyes for assessments submitted before the submitter was stored: the migration after it fills it from the audit log.</summary>
public sealed class SubmitterBackfillTests
{
    [Fact]
    public async Task An_assessment_submitted_before_the_submitter_was_stored_takes_its_latest_submitter_from_the_audit_log()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = new TestDatabase();
        await using (var db = database.CreateContext())
            await db.GetService<IMigrator>().MigrateAsync("AssessmentSubmitter", cancellationToken: ct);
        var (resubmitted, _) = await AssessmentSeed.SeedAsync(database);
        int returned, stored, unlogged;
        await using (var db = database.CreateContext())
        {
            var first = await db.Assessments.SingleAsync(a => a.Id == resubmitted, ct);
            Assessment Copy(AssessmentStatus status, DateTime? submittedAt, string? submittedBy) => new()
            {
                VendorId = first.VendorId, QuestionSetVersionId = first.QuestionSetVersionId, Title = "T", AssessorId = first.AssessorId,
                Status = status, CreatedAt = first.CreatedAt, UpdatedAt = first.UpdatedAt, Version = 1, SubmittedAt = submittedAt, SubmittedById = submittedBy,
            };
            (first.Status, first.SubmittedAt) = (AssessmentStatus.Submitted, DateTime.UtcNow);
            var returnedOne = Copy(AssessmentStatus.Draft, null, null);
            var storedOne = Copy(AssessmentStatus.Submitted, DateTime.UtcNow, "stored-submitter");
            var unloggedOne = Copy(AssessmentStatus.Submitted, DateTime.UtcNow, null);
            db.Assessments.AddRange(returnedOne, storedOne, unloggedOne);
            await db.SaveChangesAsync(ct);
            (returned, stored, unlogged) = (returnedOne.Id, storedOne.Id, unloggedOne.Id);
            // In the order they happened: submitted by one user, returned, submitted again by another.
            foreach (var (user, action, id) in new[]
            {
                ("first-submitter", "assessment-submitted", resubmitted), ("reviewer", "assessment-reviewed", resubmitted),
                ("latest-submitter", "assessment-submitted", resubmitted), ("someone", "assessment-submitted", returned),
                ("someone-else", "assessment-submitted", stored), ("latest-submitter", "answer-saved", unlogged),
            })
            {
                db.Audit(new Actor(user, user, Roles.Admin), action, AuditEntityTypes.Assessment, id, action);
                await db.SaveChangesAsync(ct);
            }
        }

        await using (var db = database.CreateContext())
            await db.Database.MigrateAsync(ct);

        await using var after = database.CreateContext();
        var submitters = await after.Assessments.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.SubmittedById, ct);
        Assert.Equal("latest-submitter", submitters[resubmitted]);
        Assert.Null(submitters[returned]); // not submitted now: nothing to review
        Assert.Equal("stored-submitter", submitters[stored]);
        Assert.Null(submitters[unlogged]); // no submission in the log: left as it was
    }
}
