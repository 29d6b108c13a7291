using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.Findings;

namespace VendorRisk.LoadTests.Seeding;

/// <summary>
/// Writes the data set in batches of a few thousand rows per transaction, with change tracking reduced to inserts,
/// through the app's own EF model (so both providers get their own column types and converters).
/// </summary>
public sealed class OrganisationWriter(
    IDbContextFactory<VendorRiskDbContext> factory,
    OrganisationShape shape,
    SeedUsers users,
    IReadOnlyList<PublishedSet> sets,
    DateTime now)
{
    private const int VendorsPerBatch = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Names = ["Aster", "Bright", "Cinder", "Delta", "Ember", "Fathom", "Granite", "Harbor", "Ion", "Juniper",
        "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pylon", "Quill", "Raven", "Sierra", "Tidal"];
    private static readonly string[] Suffixes = ["AI", "Labs", "Intelligence", "Systems", "Models", "Cognition", "Analytics", "Research"];
    private static readonly string[] Tags = ["llm", "vision", "speech", "embeddings", "pilot", "production", "eu-hosted", "strategic"];
    private static readonly string[] Countries = ["US", "GB", "FR", "DE", "CA", "NL", "SE", "JP", "SG", "IE"];

    private readonly Random _random = new(shape.RandomSeed);
    private readonly DateOnly _today = DateOnly.FromDateTime(now);
    private readonly PublishedSet _largest = sets.MaxBy(s => s.Definition.AllQuestions.Count())!;
    private readonly PublishedSet _smallest = sets.MinBy(s => s.Definition.AllQuestions.Count())!;
    private int _answers, _findings, _audit;

    public async Task<SeedCounts> WriteAsync(CancellationToken cancellationToken = default)
    {
        var perVendor = SplitAssessments();
        var answers = new AnswerFactory(_random);
        var written = 0;
        for (var start = 0; start < shape.Vendors; start += VendorsPerBatch)
        {
            var count = Math.Min(VendorsPerBatch, shape.Vendors - start);
            await using var db = await NewContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var vendors = Enumerable.Range(start, count).Select(MakeVendor).ToList();
            db.Vendors.AddRange(vendors);
            await db.SaveChangesAsync(cancellationToken);

            var assessments = new List<(Assessment Entity, PublishedSet Set)>();
            for (var v = 0; v < vendors.Count; v++)
            {
                var n = perVendor[start + v];
                for (var k = 0; k < n; k++)
                    assessments.Add(MakeAssessment(vendors[v], k, n));
            }
            db.Assessments.AddRange(assessments.Select(a => a.Entity));
            await db.SaveChangesAsync(cancellationToken);
            written += assessments.Count;

            foreach (var vendor in vendors)
                Audit(db, vendor.CreatedAt, users.AdminId, "vendor-created", AuditEntityTypes.Vendor, vendor.Id, $"Vendor {vendor.Name} created");
            foreach (var (assessment, set) in assessments)
                AddAssessmentDetails(db, assessment, set, answers);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Console.Write($"\r{Math.Min(start + count, shape.Vendors):N0} vendors, {written:N0} assessments, {_answers:N0} answers, {_audit:N0} audit entries");
        }
        Console.WriteLine();
        return new SeedCounts(shape.Vendors, written, _answers, _findings, _audit);
    }

    private async Task<VendorRiskDbContext> NewContextAsync(CancellationToken cancellationToken)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private int[] SplitAssessments()
    {
        var counts = new int[shape.Vendors];
        for (var i = 0; i < shape.Assessments; i++)
            counts[i % shape.Vendors]++;
        return counts;
    }

    private Vendor MakeVendor(int index)
    {
        var name = $"{Names[index % Names.Length]} {Suffixes[index / Names.Length % Suffixes.Length]} {index + 1:D4}";
        var created = now.AddDays(-1100 + _random.Next(0, 60));
        return new Vendor
        {
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            Website = $"https://vendor{index + 1}.example.com",
            HeadquartersCountry = Countries[index % Countries.Length],
            Jurisdictions = [Countries[index % Countries.Length]],
            Models = [$"Model {index % 7 + 1}"],
            Tier = index % 4 + 1,
            OwnerId = users.AssessorIds[index % users.AssessorIds.Count],
            Tags = Tags.Where(_ => _random.NextDouble() < 0.25).ToList(),
            IsArchived = index % 50 == 49,
            CreatedAt = created,
            UpdatedAt = created,
            Version = 1,
        };
    }

    /// <summary>The k-th of a vendor's n assessments, oldest first: the older ones reviewed, the latest often still under way.</summary>
    private (Assessment, PublishedSet) MakeAssessment(Vendor vendor, int k, int n)
    {
        // Most assessments use the full checklist; some the short screening set.
        var set = _random.NextDouble() < 0.15 ? _smallest : _largest;
        var created = now.AddDays(-(n - k) * 200 + _random.Next(0, 120));
        var status = k < n - 1 || _random.NextDouble() < 0.4 ? ReviewedStatus() : _random.NextDouble() < 0.67 ? AssessmentStatus.Draft : AssessmentStatus.Submitted;
        var submitted = status == AssessmentStatus.Draft ? (DateTime?)null : created.AddDays(_random.Next(5, 30));
        var reviewed = status is AssessmentStatus.Draft or AssessmentStatus.Submitted ? (DateTime?)null : submitted!.Value.AddDays(_random.Next(1, 15));
        var assessment = new Assessment
        {
            VendorId = vendor.Id,
            QuestionSetVersionId = set.VersionId,
            Title = $"{set.Definition.Title} {created.Year.ToString(CultureInfo.InvariantCulture)}",
            AssessorId = users.AssessorIds[_random.Next(users.AssessorIds.Count)],
            DueDate = DateOnly.FromDateTime(created.AddDays(45)),
            Status = status,
            CreatedAt = created,
            UpdatedAt = reviewed ?? submitted ?? created,
            SubmittedAt = submitted,
            ReviewedAt = reviewed,
            ReviewerId = reviewed is null ? null : users.ReviewerIds[_random.Next(users.ReviewerIds.Count)],
            ReviewComment = reviewed is null ? null : "Reviewed against the evidence provided.",
            Version = 1,
        };
        return (assessment, set);
    }

    private AssessmentStatus ReviewedStatus()
    {
        var roll = _random.NextDouble();
        return roll < 0.55 ? AssessmentStatus.Approved : roll < 0.85 ? AssessmentStatus.ApprovedWithConditions : AssessmentStatus.Rejected;
    }

    private void AddAssessmentDetails(VendorRiskDbContext db, Assessment assessment, PublishedSet set, AnswerFactory factory)
    {
        Audit(db, assessment.CreatedAt, assessment.AssessorId, "assessment-created", AuditEntityTypes.Assessment, assessment.Id, $"Assessment {assessment.Title} created");
        var questions = set.Definition.AllQuestions.ToList();
        var share = assessment.Status == AssessmentStatus.Draft ? 0.1 + _random.NextDouble() * 0.7 : Math.Clamp(0.8 + (_random.NextDouble() - 0.5) * 0.3, 0, 1);
        var answered = questions.Where(_ => _random.NextDouble() < share).ToList();
        var lastSave = assessment.SubmittedAt ?? now;
        foreach (var question in answered)
        {
            var value = factory.Make(question, _today);
            var at = assessment.CreatedAt + TimeSpan.FromTicks((long)((lastSave - assessment.CreatedAt).Ticks * _random.NextDouble()));
            var changed = _random.NextDouble() < OrganisationShape.ChangedShare;
            var answer = new Answer
            {
                AssessmentId = assessment.Id,
                QuestionKey = question.Key,
                Version = changed ? 2 : 1,
                UpdatedById = assessment.AssessorId,
                UpdatedByName = "Assessor",
                UpdatedAt = at,
            };
            answer.Apply(value);
            db.Answers.Add(answer);
            _answers++;
            var entityId = $"{assessment.Id}/{question.Key}";
            Audit(db, at, assessment.AssessorId, "answer-saved", AuditEntityTypes.Answer, entityId, $"Answer to '{question.Key}' given", null, value);
            if (changed)
                Audit(db, at.AddMinutes(5), assessment.AssessorId, "answer-saved", AuditEntityTypes.Answer, entityId, $"Answer to '{question.Key}' changed", value, value);
        }

        if (assessment.SubmittedAt is { } submitted)
            Audit(db, submitted, assessment.AssessorId, "assessment-submitted", AuditEntityTypes.Assessment, assessment.Id, $"Assessment {assessment.Title} submitted");
        if (assessment.ReviewedAt is { } reviewed)
        {
            Audit(db, reviewed, assessment.ReviewerId!, "assessment-reviewed", AuditEntityTypes.Assessment, assessment.Id,
                $"Assessment {assessment.Title} {KebabEnum.ToKebab(assessment.Status)}");
            AddFindings(db, assessment, answered.Select(q => q.Key).ToList());
        }
    }

    private void AddFindings(VendorRiskDbContext db, Assessment assessment, IReadOnlyList<string> keys)
    {
        var count = assessment.Status == AssessmentStatus.ApprovedWithConditions ? 2 : _random.NextDouble() < 0.5 ? 1 : 0;
        for (var i = 0; i < count && keys.Count > 0; i++)
        {
            var status = (FindingStatus)_random.Next(4);
            var closed = status is FindingStatus.Resolved or FindingStatus.RiskAccepted;
            db.Findings.Add(new Finding
            {
                AssessmentId = assessment.Id,
                QuestionKey = keys[_random.Next(keys.Count)],
                Title = $"Close gap {i + 1} found in review",
                Severity = (FindingSeverity)_random.Next(4),
                Status = status,
                IsCondition = assessment.Status == AssessmentStatus.ApprovedWithConditions,
                Justification = status == FindingStatus.RiskAccepted ? "Accepted for the pilot." : null,
                OwnerId = assessment.AssessorId,
                DueDate = DateOnly.FromDateTime(assessment.ReviewedAt!.Value).AddDays(_random.Next(30, 400)),
                CreatedById = assessment.ReviewerId!,
                CreatedAt = assessment.ReviewedAt.Value,
                UpdatedAt = assessment.ReviewedAt.Value,
                ClosedAt = closed ? assessment.ReviewedAt.Value.AddDays(20) : null,
                Version = 1,
            });
            _findings++;
        }
    }

    private void Audit(VendorRiskDbContext db, DateTime at, string userId, string action, string entityType, object entityId, string summary,
        object? oldValue = null, object? newValue = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            UserId = userId,
            UserName = userId == users.AdminId ? "Load Admin" : "Load user",
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, CultureInfo.InvariantCulture),
            Summary = summary,
            OldValue = oldValue is null ? null : JsonSerializer.Serialize(oldValue, Json),
            NewValue = newValue is null ? null : JsonSerializer.Serialize(newValue, Json),
        });
        _audit++;
    }

    /// <summary>Work that follows the bulk write (nothing yet); one line per step.</summary>
    public async IAsyncEnumerable<string> AfterWriteAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await Task.CompletedTask;
        yield break;
    }
}
