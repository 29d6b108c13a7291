using VendorRisk.Domain.Costs;
using VendorRisk.Domain.Scoring;

namespace VendorRisk.Domain.Comparison;

/// <summary>Compares 2–10 assessments of one question set, scoring.md §7.</summary>
public static class ComparisonEngine
{
    public const int MinAssessments = 2;
    public const int MaxAssessments = 10;
    public const string IdsField = "ids";
    public const string MultipliersField = "multipliers";

    /// <exception cref="ComparisonRefusedException">The selection or the multipliers break the rules.</exception>
    public static ComparisonResult Compare(
        IReadOnlyList<ComparisonInput> inputs,
        IReadOnlyDictionary<string, double>? multipliers = null,
        WorkloadProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        EnsureComparable(inputs);
        var sections = UnionSections(inputs);
        var sectionMultipliers = ResolveMultipliers(sections, multipliers);

        var scores = new AssessmentScore[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            scores[i] = ScoringEngine.Score(inputs[i].QuestionSet, inputs[i].Answers, inputs[i].AsOf, sectionMultipliers, inputs[i].Acceptances);
        }

        var compared = sections
            .Select(s => new ComparedSection(s.Key, s.Title, sectionMultipliers[s.Key], s.Weight * sectionMultipliers[s.Key]))
            .ToList();

        return new ComparisonResult(
            inputs[0].QuestionSet.Key,
            compared,
            sectionMultipliers,
            compared.ToDictionary(s => s.Key, s => s.Weight),
            Rank(inputs, scores),
            OnlyIn(inputs),
            SectionMatrix(inputs, scores, sections),
            QuestionRows(inputs, scores),
            RankStability(inputs, scores, sections, sectionMultipliers),
            profile is null
                ? null
                : [.. inputs.Select(i => new AssessmentCost(i.AssessmentId, CostProjection.Project(i.QuestionSet, i.Answers, profile)))]);
    }

    /// <summary>The ranking alone, for live re-ranking when only the scores moved.</summary>
    public static IReadOnlyList<RankedAssessment> Rank(IReadOnlyList<ComparisonInput> inputs, IReadOnlyList<AssessmentScore> scores)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(scores);
        var order = Enumerable.Range(0, inputs.Count).ToArray();
        Array.Sort(order, (x, y) => RankingOrder.Compare(
            scores[x].Overall, inputs[x].VendorName, inputs[x].ModelName, inputs[x].AssessmentId,
            scores[y].Overall, inputs[y].VendorName, inputs[y].ModelName, inputs[y].AssessmentId));
        var ranking = new RankedAssessment[order.Length];
        for (var position = 0; position < order.Length; position++)
        {
            var input = inputs[order[position]];
            ranking[position] = new RankedAssessment(position + 1, input.AssessmentId, input.VendorId, input.VendorName, scores[order[position]],
                input.ModelId, input.ModelName);
        }

        return ranking;
    }

    public static void EnsureComparable(IReadOnlyList<ComparisonInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count is < MinAssessments or > MaxAssessments)
        {
            throw new ComparisonRefusedException(IdsField,
                $"A comparison needs {MinAssessments} to {MaxAssessments} assessments; {inputs.Count} were given.");
        }

        var repeatedAssessment = inputs.GroupBy(i => i.AssessmentId).FirstOrDefault(g => g.Count() > 1);
        if (repeatedAssessment is not null)
        {
            throw new ComparisonRefusedException(IdsField, $"Assessment {repeatedAssessment.Key} is named more than once.");
        }

        // Two assessments of one vendor compare only when they assess different model offerings.
        var sameSubject = inputs.GroupBy(i => (i.VendorId, i.ModelId)).FirstOrDefault(g => g.Count() > 1);
        if (sameSubject is not null)
        {
            var first = sameSubject.First();
            var ids = string.Join(" and ", sameSubject.Select(i => i.AssessmentId));
            throw new ComparisonRefusedException(IdsField, first.ModelId is null
                ? $"Assessments {ids} are both of vendor '{first.VendorName}' without a model offering; compare one assessment per vendor, or assessments of different model offerings of it."
                : $"Assessments {ids} are both of '{first.Label}'; two assessments of one vendor compare only when they assess different model offerings.");
        }

        var setKeys = inputs.Select(i => i.QuestionSet.Key).Distinct(StringComparer.Ordinal).ToList();
        if (setKeys.Count > 1)
        {
            throw new ComparisonRefusedException(IdsField,
                $"Assessments of different question sets cannot be compared ({string.Join(", ", setKeys.Select(k => $"'{k}'"))}).");
        }
    }

    /// <summary>The sentence shown beside the ranking ("rank first", not "lead": the recommendation may name another vendor), e.g. "Vendor B would rank first if Cost at scale weighed 2.4× instead of 1×".</summary>
    public static string DescribeRankStability(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stability = result.RankStability;
        if (stability.Stable)
        {
            return $"Stable: no single section weighed between {Times(RankStabilityAnalyzer.MinMultiplier)} and {Times(RankStabilityAnalyzer.MaxMultiplier)} changes the leader.";
        }

        var vendor = result.Ranking.First(r => r.AssessmentId == stability.NewLeaderAssessmentId).Label;
        var section = result.Sections.First(s => s.Key == stability.SectionKey);
        return $"{vendor} would rank first if {section.Title} weighed {Times(stability.Multiplier!.Value)} instead of {Times(stability.CurrentMultiplier ?? section.Multiplier)}";

        static string Times(double multiplier) => multiplier.ToString("0.##", CultureInfo.InvariantCulture) + "×";
    }

    private static List<Section> UnionSections(IReadOnlyList<ComparisonInput> inputs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<Section>();
        foreach (var input in inputs)
        {
            foreach (var section in input.QuestionSet.Sections)
            {
                if (seen.Add(section.Key))
                {
                    sections.Add(section);
                }
            }
        }

        return sections;
    }

    private static Dictionary<string, double> ResolveMultipliers(List<Section> sections, IReadOnlyDictionary<string, double>? requested)
    {
        var resolved = sections.ToDictionary(s => s.Key, _ => 1.0, StringComparer.Ordinal);
        foreach (var (key, multiplier) in requested ?? new Dictionary<string, double>())
        {
            if (!resolved.ContainsKey(key))
            {
                throw new ComparisonRefusedException(MultipliersField, $"No compared version has a section '{key}'.");
            }

            if (!(multiplier >= RankStabilityAnalyzer.MinMultiplier && multiplier <= RankStabilityAnalyzer.MaxMultiplier))
            {
                throw new ComparisonRefusedException(MultipliersField,
                    $"The multiplier of section '{key}' must be between {RankStabilityAnalyzer.MinMultiplier} and {RankStabilityAnalyzer.MaxMultiplier}.");
            }

            resolved[key] = multiplier;
        }

        return resolved;
    }

    private static Dictionary<int, IReadOnlyList<string>> OnlyIn(IReadOnlyList<ComparisonInput> inputs)
    {
        var keySets = inputs.Select(i => i.QuestionSet.AllQuestions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal)).ToList();
        var onlyIn = new Dictionary<int, IReadOnlyList<string>>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var own = inputs[i].QuestionSet.AllQuestions
                .Select(q => q.Key)
                .Where(key => keySets.Any(other => !other.Contains(key)))
                .ToList();
            if (own.Count > 0)
            {
                onlyIn[inputs[i].AssessmentId] = own;
            }
        }

        return onlyIn;
    }

    private static List<SectionMatrixRow> SectionMatrix(IReadOnlyList<ComparisonInput> inputs, AssessmentScore[] scores, List<Section> sections) =>
        [.. sections.Select(section =>
        {
            var cells = inputs
                .Select((input, i) => new SectionCell(input.AssessmentId, scores[i].Sections.FirstOrDefault(s => s.Key == section.Key)?.Score))
                .ToList();
            var best = cells.Max(c => c.Score);
            IReadOnlyList<int> bestIds = best is null ? [] : [.. cells.Where(c => c.Score == best).Select(c => c.AssessmentId)];
            return new SectionMatrixRow(section.Key, section.Title, cells, bestIds);
        })];

    private static List<QuestionComparisonRow> QuestionRows(IReadOnlyList<ComparisonInput> inputs, AssessmentScore[] scores)
    {
        var questionScores = scores.Select(s => s.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal)).ToList();
        var questions = inputs
            .Select(i => i.QuestionSet.Sections
                .SelectMany(s => s.Questions.Select(q => (Question: q, SectionKey: s.Key)))
                .ToDictionary(x => x.Question.Key, StringComparer.Ordinal))
            .ToList();
        var rows = new List<QuestionComparisonRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var first = 0; first < inputs.Count; first++)
        {
            foreach (var (question, sectionKey) in inputs[first].QuestionSet.Sections.SelectMany(s => s.Questions.Select(q => (q, s.Key))))
            {
                var key = question.Key;
                if (!seen.Add(key))
                {
                    continue;
                }

                var cells = new List<QuestionCell>(inputs.Count);
                for (var i = 0; i < inputs.Count; i++)
                {
                    if (!questions[i].TryGetValue(key, out var own))
                    {
                        cells.Add(new QuestionCell(inputs[i].AssessmentId, false, null, null, false));
                        continue;
                    }

                    var questionScore = questionScores[i][key];
                    inputs[i].Answers.TryGetValue(key, out var answer);
                    var display = questionScore.NotApplicable ? "N/A" : AnswerDisplay.Format(own.Question, answer);
                    cells.Add(new QuestionCell(inputs[i].AssessmentId, true, display, questionScore.P, questionScore.NotApplicable));
                }

                var differ = cells.Where(c => c.InVersion).Select(c => c.Display).Distinct().Count() > 1;
                rows.Add(new QuestionComparisonRow(key, sectionKey, question.Text, question.Critical, cells, differ));
            }
        }

        return rows;
    }

    private static RankStability RankStability(IReadOnlyList<ComparisonInput> inputs, AssessmentScore[] scores, List<Section> sections, Dictionary<string, double> multipliers)
    {
        var keys = sections.Select(s => s.Key).ToList();
        var candidates = new StabilityCandidate[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var weights = new double[keys.Count];
            var sectionScores = new double?[keys.Count];
            for (var s = 0; s < keys.Count; s++)
            {
                var own = inputs[i].QuestionSet.Sections.FirstOrDefault(x => x.Key == keys[s]);
                weights[s] = own?.Weight ?? 0;
                sectionScores[s] = own is null ? null : scores[i].Sections.First(x => x.Key == keys[s]).Score;
            }

            candidates[i] = new StabilityCandidate(inputs[i].AssessmentId, inputs[i].VendorName, weights, sectionScores, inputs[i].ModelName);
        }

        return RankStabilityAnalyzer.Analyze(keys, [.. keys.Select(k => multipliers[k])], candidates);
    }
}

/// <summary>How an answer reads in the comparison and exports.</summary>
public static class AnswerDisplay
{
    public const string NoneChosen = "None of these";

    private const string NumberFormat = "#,0.###############";

    /// <summary>Null when unanswered or when the stored value is not one the question accepts.</summary>
    public static string? Format(Question question, AnswerValue? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (answer is null)
        {
            return null;
        }

        if (answer.NotApplicable)
        {
            return "N/A";
        }

        return question.Type switch
        {
            QuestionType.Choice => question.Options.FirstOrDefault(o => o.Key == answer.Choice)?.Label,
            QuestionType.Multi when answer.Choices is { Count: 0 } => NoneChosen,
            QuestionType.Multi when answer.Choices is not null =>
                string.Join("; ", question.Options.Where(o => answer.Choices.Contains(o.Key)).Select(o => o.Label)),
            // Grouped thousands ("4,000,000 tokens per minute"), every significant decimal kept, never an exponent.
            QuestionType.Number when answer.Number is { } number =>
                question.Unit is null
                    ? number.ToString(NumberFormat, CultureInfo.InvariantCulture)
                    : $"{number.ToString(NumberFormat, CultureInfo.InvariantCulture)} {question.Unit}",
            QuestionType.Text => answer.Text,
            _ => null,
        };
    }
}
