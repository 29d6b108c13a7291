using VendorRisk.Domain.Comparison;
using VendorRisk.Reports.Models;

namespace VendorRisk.Web.Features.Reports;

/// <summary>
/// The decision memo's "top risks": each weak scored question with the answer that would earn full marks and what that
/// answer would add to the overall score (re-scored with the Domain engine, so the figure is exact, knockouts aside).
/// </summary>
public static class RiskAnalysis
{
    public const int Count = 5;

    public static IReadOnlyList<RiskModel> TopRisks(AssessmentSnapshot snapshot)
    {
        var set = snapshot.QuestionSet;
        var score = snapshot.Score;
        var answers = snapshot.AnswerValues;
        var knockouts = score.Knockouts.ToHashSet(StringComparer.Ordinal);
        var questionScores = score.Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var risks = new List<RiskModel>();
        foreach (var section in set.Sections)
        {
            foreach (var question in section.Questions)
            {
                var q = questionScores[question.Key];
                if (!question.IsScored || q.NotApplicable || (q.P ?? 0) >= 1 || (question.Weight <= 0 && !knockouts.Contains(question.Key)))
                    continue;
                if (BestAnswer(question) is not { } best)
                    continue;
                var improved = new Dictionary<string, AnswerValue>(answers, StringComparer.Ordinal) { [question.Key] = best.Value };
                var after = ScoringEngine.Score(set, improved, snapshot.AsOf).Overall;
                double? gain = after is { } a && score.Overall is { } b ? a - b : null;
                var given = answers.GetValueOrDefault(question.Key);
                risks.Add(new RiskModel(question.Key, QuestionNames.Short(question.Text), section.Title,
                    given is { HasValue: true } ? AnswerDisplay.Format(question, given) : null, best.Words, gain, knockouts.Contains(question.Key)));
            }
        }

        // Knockouts first (they cap the rating whatever the score), then the largest gain.
        return [.. risks.OrderByDescending(r => r.IsKnockout).ThenByDescending(r => r.PointsGained ?? 0).Take(Count)];
    }

    private static (AnswerValue Value, string Words)? BestAnswer(Question question)
    {
        switch (question.Type)
        {
            case QuestionType.Choice when question.Options.Count > 0:
                var option = question.Options.MaxBy(o => o.Score)!;
                return (new AnswerValue { QuestionKey = question.Key, Choice = option.Key }, $"“{option.Label}”");
            case QuestionType.Multi when question.Options.Count > 0:
                var ranked = question.Options.OrderByDescending(o => o.Score).ToList();
                var needed = new List<AnswerOption>();
                foreach (var o in ranked)
                {
                    needed.Add(o);
                    if (question.MaxScore is { } max && needed.Sum(n => n.Score) >= max)
                        break;
                }

                return (new AnswerValue { QuestionKey = question.Key, Choices = [.. needed.Select(n => n.Key)] },
                    string.Join(", ", needed.Select(n => $"“{n.Label}”")));
            case QuestionType.Number when question.Bands.Count > 0:
                var bestIndex = 0;
                for (var i = 1; i < question.Bands.Count; i++)
                {
                    if (question.Bands[i].Score > question.Bands[bestIndex].Score)
                        bestIndex = i;
                }

                var band = question.Bands[bestIndex];
                var previous = bestIndex > 0 ? question.Bands[bestIndex - 1].UpTo : null;
                var value = band.UpTo ?? (previous ?? 0) + 1;
                var unit = question.Unit is null ? "" : " " + question.Unit;
                var words = band.UpTo is { } upTo
                    ? previous is { } low ? $"a value over {N(low)} and up to {N(upTo)}{unit}" : $"a value up to {N(upTo)}{unit}"
                    : $"a value over {N(previous ?? 0)}{unit}";
                return (new AnswerValue { QuestionKey = question.Key, Number = value }, words);
            default:
                return null;
        }
    }

    private static string N(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
