using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;
using VendorRisk.Reports.Models;
using VendorRisk.Web.Features.Compare;

namespace VendorRisk.Web.Features.Reports;

/// <summary>Maps scored assessments and comparisons to the report models: pure, so benchmarks and tests use it as the app does.</summary>
public static class ReportModels
{
    public const string Unanswered = "Unanswered";
    private const int WeakestCount = 5;

    /// <param name="generatedAt">Printed as the report date.</param>
    public static AssessmentReportModel Assessment(AssessmentSnapshot snapshot, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var set = snapshot.QuestionSet;
        var score = snapshot.Score;
        var questionScores = score.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var sectionScores = score.Sections.ToDictionary(s => s.Key, StringComparer.Ordinal);

        var sections = set.Sections.Select(section => new SectionModel(section.Title, sectionScores[section.Key].Weight, sectionScores[section.Key].Score)
        {
            Questions = [.. section.Questions.Select(q => QuestionModelOf(q, snapshot.Answers.GetValueOrDefault(q.Key)?.Value, questionScores[q.Key]))],
        }).ToList();

        var weakest = set.Sections
            .Where(s => sectionScores[s.Key].Weight > 0)
            .SelectMany(s => s.Questions.Select(q => (Question: q, Section: s, Score: questionScores[q.Key])))
            .Where(x => x.Question.IsScored && x.Question.Weight > 0 && !x.Score.NotApplicable)
            .OrderBy(x => x.Score.P ?? 0)
            .ThenByDescending(x => x.Question.Weight * x.Section.Weight)
            .Take(WeakestCount)
            .Select(x => new WeakQuestionModel(x.Question.Key, x.Question.Text, x.Section.Title, x.Score.P ?? 0, x.Question.Weight, Unanswered: x.Score.P is null))
            .ToList();

        return new AssessmentReportModel
        {
            VendorName = snapshot.Label,
            Title = snapshot.Title,
            Scope = string.IsNullOrWhiteSpace(snapshot.Scope) ? null : snapshot.Scope,
            IsReviewed = snapshot.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions or AssessmentStatus.Rejected,
            QuestionSet = new QuestionSetRef(set.Key, set.Title, snapshot.QuestionSetVersionNumber.ToString(CultureInfo.InvariantCulture)),
            Assessor = snapshot.AssessorName,
            Reviewer = snapshot.ReviewerName,
            Status = ReportService.StatusText(snapshot.Status),
            CreatedAt = Utc(snapshot.CreatedAt),
            SubmittedAt = snapshot.SubmittedAt is { } submitted ? Utc(submitted) : null,
            ReviewedAt = snapshot.ReviewedAt is { } reviewed ? Utc(reviewed) : null,
            GeneratedAt = generatedAt,
            OverallScore = score.Overall,
            RatingLabel = score.Rating,
            RatingColorHex = score.Rating is null ? null : RatingColors.For(set, score.Rating),
            BandRatingLabel = score.BandRating,
            Knockouts = Knockouts(set, score.Knockouts),
            Completeness = score.Completeness,
            EvidenceStrength = score.EvidenceStrength,
            WeakestQuestions = weakest,
            Sections = sections,
            ApprovalConditions = snapshot.Status == AssessmentStatus.ApprovedWithConditions ? snapshot.ReviewComment : null,
            ReviewComment = snapshot.Status == AssessmentStatus.ApprovedWithConditions ? null : snapshot.ReviewComment,
            RatingBands = Bands(set),
            KnockoutRatingLabel = set.KnockoutRating,
            Recommendation = snapshot.Status switch
            {
                AssessmentStatus.Approved => "Approve",
                AssessmentStatus.ApprovedWithConditions => "Approve with conditions",
                AssessmentStatus.Rejected => "Reject",
                _ => null,
            },
            TopRisks = RiskAnalysis.TopRisks(snapshot),
        };
    }

    /// <param name="generatedAt">Printed as the report date.</param>
    /// <param name="snapshots">The compared assessments (any order).</param>
    /// <param name="weightingName">Printed when a multiplier differs from 1; "Custom weighting" when null.</param>
    public static ComparisonReportModel Comparison(ComparisonResult result, IReadOnlyList<AssessmentSnapshot> snapshots,
        string? weightingName, NamedWorkloadProfile? profile, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(snapshots);
        var byId = snapshots.ToDictionary(s => s.Id);
        var order = result.Ranking.Select(r => r.AssessmentId).ToList();
        var leadSet = byId[order[0]].QuestionSet;
        var sectionTitles = result.Sections.ToDictionary(s => s.Key, s => s.Title, StringComparer.Ordinal);

        var vendors = result.Ranking.Select(r => new ComparedVendorModel
        {
            VendorName = r.Label,
            VendorId = byId[r.AssessmentId].VendorId,
            QuestionSetVersion = byId[r.AssessmentId].QuestionSetVersionNumber.ToString(CultureInfo.InvariantCulture),
            OverallScore = r.Overall,
            RatingLabel = r.Rating,
            RatingColorHex = r.Rating is null ? null : RatingColors.For(byId[r.AssessmentId].QuestionSet, r.Rating),
            BandRatingLabel = r.Score.BandRating,
            Knockouts = Knockouts(byId[r.AssessmentId].QuestionSet, r.Knockouts),
            AcceptedKnockouts = [.. r.Score.AcceptedKnockouts.Select(a => new KnockoutAcceptanceNote(a.QuestionKey, a.AcceptedByName, a.Until))],
            Completeness = r.Score.Completeness,
            EvidenceStrength = r.Score.EvidenceStrength,
            Status = ReportService.StatusText(byId[r.AssessmentId].Status),
            IsApproved = byId[r.AssessmentId].Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions,
        }).ToList();

        var matrix = result.SectionMatrix.Select(row =>
        {
            var cells = row.Scores.ToDictionary(c => c.AssessmentId, c => c.Score);
            return new SectionMatrixRowModel(row.Title, result.Weights[row.SectionKey], [.. order.Select(id => cells[id])]);
        }).ToList();

        var weighting = result.Multipliers.Values.Any(m => m != 1)
            ? new WeightingModel(weightingName ?? "Custom weighting",
                [.. result.Sections.Select(s => new SectionMultiplierModel(s.Title, s.Multiplier))])
            : null;

        CostCurveModel? curve = null;
        if (profile is not null && snapshots.Any(s => s.QuestionSet.AllQuestions.Any(q => q.Role is not null)))
        {
            var built = CostCurve.Build([.. order.Select(id => new CostCurveInput(id, byId[id].QuestionSet, byId[id].AnswerValues))], profile.Profile);
            var byAssessment = built.Series.ToDictionary(s => s.AssessmentId);
            curve = new CostCurveModel(built.VolumeFactors, [.. order.Select(id => byAssessment[id].MonthlyUsd)]);
        }

        CostProjectionModel? cost = null;
        var hasCostRoles = snapshots.Any(s => s.QuestionSet.AllQuestions.Any(q => q.Role is not null));
        if (profile is not null && result.Cost is { } costs && hasCostRoles)
        {
            var estimates = costs.ToDictionary(c => c.AssessmentId, c => c.Estimate);
            var inputs = snapshots.ToDictionary(s => s.Id, s => CompareService.ToInput(s));
            cost = new CostProjectionModel(
                new WorkloadProfileModel(profile.Name, (long)Math.Round(profile.Profile.InputTokensPerMonth), (long)Math.Round(profile.Profile.OutputTokensPerMonth),
                    profile.Profile.Peak, profile.Profile.Agentic)
                {
                    Description = CostWording.Profile(profile.Profile),
                    Assumes = profile.Assumes,
                },
                [.. result.Ranking.Select(r =>
                {
                    var e = estimates[r.AssessmentId];
                    var card = CostProjection.ReadPriceCard(inputs[r.AssessmentId].QuestionSet, inputs[r.AssessmentId].Answers);
                    return new CostRowModel(r.Label, Money(e.NormalMonthUsd), Money(e.PeakMonthUsd), Money(e.TwelveMonthUsd), e.ThrottlingRisk)
                    {
                        MonthlyUsd = [.. e.MonthlyUsd.Select(Money)],
                        CostPerUnit = CostWording.PerUnit(e.CostPerUnitUsd),
                        PeakTokensPerMinute = e.PeakTokensPerMinute.ToString("#,##0", CultureInfo.InvariantCulture),
                        Headroom = CostWording.Headroom(e),
                        Assumptions = CostWording.Assumptions(e.Assumed),
                        Sensitivity = CostWording.Sensitivity(CostSensitivity.Find(card, profile.Profile)),
                    };
                })]);
        }

        var differences = result.Questions
            .Where(q => q.AnswersDiffer)
            .GroupBy(q => q.SectionKey)
            .Select(g => new SectionDifferencesModel(sectionTitles.GetValueOrDefault(g.Key, g.Key),
                [.. g.Select(q =>
                {
                    var cells = q.Answers.ToDictionary(c => c.AssessmentId);
                    return new QuestionDifferenceModel(q.QuestionKey, q.Text,
                        [.. order.Select(id => cells[id] is { InVersion: true } cell ? cell.Display ?? Unanswered : null)]);
                })]))
            .ToList();

        return new ComparisonReportModel
        {
            QuestionSetKey = result.QuestionSetKey,
            QuestionSetTitle = leadSet.Title,
            GeneratedAt = generatedAt,
            Vendors = vendors,
            SectionMatrix = matrix,
            Weighting = weighting,
            CostProjection = cost,
            Differences = differences,
            RatingBands = Bands(leadSet),
            RankStability = ComparisonEngine.DescribeRankStability(result),
            CostCurve = curve,
        };
    }

    private static QuestionModel QuestionModelOf(Question question, AnswerValue? answer, Domain.Scoring.QuestionScore score) => new()
    {
        Key = question.Key,
        Text = question.Text,
        AnswerText = AnswerDisplay.Format(question, answer),
        P = score.P,
        Weight = question.Weight,
        IsCritical = question.Critical,
        IsScored = question.IsScored,
        Note = answer?.Note,
        Evidence = answer?.Evidence is { } evidence ? new EvidenceModel(SourceText(evidence.Source), evidence.Date, evidence.Description) : null,
        IsNotApplicable = score.NotApplicable,
        NotApplicableJustification = score.NotApplicable ? answer?.Justification : null,
    };

    private static string? SourceText(EvidenceSource? source) => source is { } known && Enum.IsDefined(known) ? EvidenceLabels.Of(known) : null;

    private static List<KnockoutModel> Knockouts(QuestionSetDefinition set, IReadOnlyList<string> keys) =>
        [.. keys.Select(k => new KnockoutModel(k, set.ShortName(k)) { FullText = set.FindQuestion(k)?.Text ?? k })];

    private static List<RatingBandModel> Bands(QuestionSetDefinition set) =>
        [.. set.RatingBands.Select((b, i) => new RatingBandModel(b.Label, b.MinScore, RatingColors.ForRank(i, set.RatingBands.Count)))];

    private static decimal? Money(double? usd) =>
        usd is { } value && Math.Abs(value) < 7.9e27 ? (decimal)Math.Round(value, 2, MidpointRounding.AwayFromZero) : null;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
