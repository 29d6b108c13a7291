using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.LoadTests.Seeding;

/// <param name="RandomSeed">The same seed builds the same data set.</param>
public sealed record OrganisationShape(int Vendors, int Assessments, int RandomSeed)
{
    /// <summary>About 49 answers per assessment: 247,000 for 5,000 assessments, as measured on a real portfolio's shape.</summary>
    public const int MeanAnswers = 49;

    /// <summary>One in five answers was changed once after it was first given (a second audit entry).</summary>
    public const double ChangedShare = 0.2;
}

public sealed record SeedUsers(string AdminId, IReadOnlyList<string> ReviewerIds, IReadOnlyList<string> AssessorIds);

public sealed record PublishedSet(int VersionId, QuestionSetDefinition Definition);

public sealed record SeedCounts(int Vendors, int Assessments, int Answers, int Findings, int AuditEntries)
{
    public override string ToString() =>
        $"{Vendors:N0} vendors, {Assessments:N0} assessments, {Answers:N0} answers, {Findings:N0} findings, {AuditEntries:N0} audit entries";
}
