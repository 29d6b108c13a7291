using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;

namespace VendorRisk.Data.Tests.Assessments;

/// <summary>One draft assessment with one answer, and what it needs: a user, a question set version and a vendor.</summary>
internal static class AssessmentSeed
{
    public static async Task<(int AssessmentId, int AnswerId)> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var now = DateTime.UtcNow;
        var user = new ApplicationUser { Id = "u1", UserName = "a@x.test", Email = "a@x.test", DisplayName = "A", Role = Roles.Assessor, CreatedAt = now, SecurityStamp = "s" };
        db.Users.Add(user);
        var set = new QuestionSet { Key = "k", Title = "K", CreatedAt = now };
        var version = new QuestionSetVersion { QuestionSet = set, Number = 1, Status = VersionStatus.Draft, Title = "K", ContentJson = "{}", CreatedBy = "t", CreatedAt = now, UpdatedAt = now };
        var vendor = new Vendor { Name = "V", NormalizedName = "V", CreatedAt = now, UpdatedAt = now };
        var assessment = new Assessment { Vendor = vendor, QuestionSetVersion = version, Title = "T", AssessorId = user.Id, Status = AssessmentStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = 1 };
        var answer = new Answer { Assessment = assessment, QuestionKey = "q1", Choice = "a", Version = 1, UpdatedById = user.Id, UpdatedByName = "A", UpdatedAt = now };
        db.Answers.Add(answer);
        await db.SaveChangesAsync();
        return (assessment.Id, answer.Id);
    }
}
