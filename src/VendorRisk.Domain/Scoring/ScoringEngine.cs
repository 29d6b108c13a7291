namespace VendorRisk.Domain.Scoring;

/// <summary>Implements scoring.md §1–5 (with §4's accepted knockouts). Pure; called on every keystroke and weight change, so it stays allocation-light.</summary>
public static class ScoringEngine
{
    public const int EvidenceMaxAgeDays = 365;

    public static AssessmentScore Score(
        QuestionSetDefinition set,
        IReadOnlyDictionary<string, AnswerValue> answers,
        DateOnly asOf,
        IReadOnlyDictionary<string, double>? sectionMultipliers = null,
        KnockoutAcceptances? acceptances = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answers);

        var sectionCount = set.Sections.Count;
        var questionCount = 0;
        var largestSection = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var count = set.Sections[s].Questions.Count;
            questionCount += count;
            largestSection = Math.Max(largestSection, count);
        }

        var sections = new SectionScore[sectionCount];
        var questions = new QuestionScore[questionCount];
        var fractions = new double?[largestSection];
        var notApplicableFlags = new bool[largestSection];
        var sectionAnswers = new AnswerValue?[largestSection];
        List<string>? knockouts = null;

        int scoredQuestions = 0, completedQuestions = 0, evidenceCount = 0, questionIndex = 0;
        double evidenceSum = 0, overallNumerator = 0, overallDenominator = 0;

        for (var s = 0; s < sectionCount; s++)
        {
            var section = set.Sections[s];
            var sectionWeight = section.Weight * MultiplierFor(section.Key, sectionMultipliers);
            var sectionQuestions = section.Questions;
            double numerator = 0, denominator = 0;
            int answered = 0, total = 0;

            for (var i = 0; i < sectionQuestions.Count; i++)
            {
                var question = sectionQuestions[i];
                answers.TryGetValue(question.Key, out var answer);
                var notApplicable = answer is { NotApplicable: true } && question.AllowNotApplicable;
                var p = notApplicable || answer is null ? null : AnswerFraction(question, answer);
                fractions[i] = p;
                notApplicableFlags[i] = notApplicable;
                sectionAnswers[i] = answer;
                if (!question.IsScored)
                {
                    continue;
                }

                total++;
                if (p is not null || notApplicable)
                {
                    answered++;
                }

                if (!notApplicable)
                {
                    denominator += question.Weight;
                    numerator += question.Weight * (p ?? 0);
                }

                if (p is not null)
                {
                    evidenceCount++;
                    evidenceSum += EvidenceScore(answer!.Evidence, asOf);
                }
            }

            double? sectionScore = denominator > 0 ? 100 * numerator / denominator : null;
            for (var i = 0; i < sectionQuestions.Count; i++)
            {
                var question = sectionQuestions[i];
                var p = fractions[i];
                var isApplicableScored = question.IsScored && !notApplicableFlags[i];
                var isKnockout = question.Critical && isApplicableScored && (p ?? 0) < question.KnockoutBelow;
                if (isKnockout)
                {
                    (knockouts ??= []).Add(question.Key);
                }

                var contribution = isApplicableScored && denominator > 0 ? 100 * question.Weight * (p ?? 0) / denominator : 0;
                var answeredWithValue = question.IsScored
                    ? p is not null
                    : sectionAnswers[i] is { NotApplicable: false, Text: not null };
                questions[questionIndex++] = new QuestionScore(
                    question.Key,
                    section.Key,
                    question.Weight,
                    p,
                    answeredWithValue,
                    notApplicableFlags[i],
                    contribution,
                    isKnockout);
            }

            sections[s] = new SectionScore(section.Key, section.Title, sectionWeight, sectionScore, answered, total);
            scoredQuestions += total;
            completedQuestions += answered;
            if (sectionScore is { } score)
            {
                overallNumerator += sectionWeight * score;
                overallDenominator += sectionWeight;
            }
        }

        double? overall = overallDenominator > 0 ? overallNumerator / overallDenominator : null;
        var bandIndex = overall is { } value ? BandIndex(set.RatingBands, value) : -1;
        var ratingIndex = bandIndex;
        List<KnockoutAcceptance>? accepted = null;
        var unaccepted = knockouts?.Count ?? 0;
        if (knockouts is not null && acceptances is { Acceptances.Count: > 0 })
        {
            foreach (var knockout in knockouts)
            {
                if (acceptances.InForce(knockout) is { } acceptance)
                {
                    (accepted ??= []).Add(acceptance);
                    unaccepted--;
                }
            }
        }

        if (bandIndex >= 0 && unaccepted > 0)
        {
            ratingIndex = Math.Max(bandIndex, IndexOfBand(set.RatingBands, set.KnockoutRating, bandIndex));
        }

        return new AssessmentScore(
            overall,
            ratingIndex >= 0 ? set.RatingBands[ratingIndex].Label : null,
            bandIndex >= 0 ? set.RatingBands[bandIndex].Label : null,
            (IReadOnlyList<string>?)knockouts ?? [],
            // A set of text questions only has nothing left to answer.
            scoredQuestions == 0 ? 100 : 100.0 * completedQuestions / scoredQuestions,
            evidenceCount == 0 ? null : evidenceSum / evidenceCount,
            sections,
            questions)
        {
            AcceptedKnockouts = (IReadOnlyList<KnockoutAcceptance>?)accepted ?? [],
        };
    }

    /// <summary>The answer fraction p of scoring.md §1; null when the answer holds no usable value for the question.</summary>
    public static double? AnswerFraction(Question question, AnswerValue answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.NotApplicable)
        {
            return null;
        }

        switch (question.Type)
        {
            case QuestionType.Choice when answer.Choice is not null:
            {
                double chosen = -1, largest = 0;
                foreach (var option in question.Options)
                {
                    largest = Math.Max(largest, option.Score);
                    if (option.Key == answer.Choice)
                    {
                        chosen = option.Score;
                    }
                }

                if (chosen < 0)
                {
                    return null;
                }

                return largest > 0 ? chosen / largest : 0;
            }
            case QuestionType.Multi when answer.Choices is not null:
            {
                double sum = 0, allOptions = 0;
                var chosenKeys = answer.Choices;
                foreach (var option in question.Options)
                {
                    allOptions += option.Score;
                    // Iterating options (not choices) counts a repeated key once.
                    for (var c = 0; c < chosenKeys.Count; c++)
                    {
                        if (chosenKeys[c] == option.Key)
                        {
                            sum += option.Score;
                            break;
                        }
                    }
                }

                var maxScore = question.MaxScore ?? allOptions;
                return maxScore > 0 ? Math.Min(1, sum / maxScore) : 0;
            }
            case QuestionType.Number when answer.Number is { } number && double.IsFinite(number):
            {
                double? bandScore = null;
                double largest = 0;
                foreach (var band in question.Bands)
                {
                    largest = Math.Max(largest, band.Score);
                    if (bandScore is null && (band.UpTo is null || number <= band.UpTo))
                    {
                        bandScore = band.Score;
                    }
                }

                return largest > 0 ? (bandScore ?? 0) / largest : 0;
            }
            default:
                return null;
        }
    }

    public static double EvidenceScore(Evidence? evidence, DateOnly asOf)
    {
        if (evidence?.Source is not { } source)
        {
            return 0;
        }

        double score = source switch
        {
            EvidenceSource.IndependentTest => 100,
            EvidenceSource.Contract => 75,
            EvidenceSource.PublicDocumentation => 50,
            EvidenceSource.VendorAttestation => 25,
            _ => 0,
        };
        // Undated evidence cannot be shown to be current, so it is halved like stale evidence (scoring.md §3).
        var isStale = evidence.Date is not { } date || asOf.DayNumber - date.DayNumber > EvidenceMaxAgeDays;
        return isStale ? score / 2 : score;
    }

    /// <summary>Index of the first band (best to worst) whose MinScore ≤ the unrounded score; -1 if none.</summary>
    public static int BandIndex(IReadOnlyList<RatingBand> bands, double score)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].MinScore <= score)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfBand(IReadOnlyList<RatingBand> bands, string label, int fallback)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Label == label)
            {
                return i;
            }
        }

        return fallback;
    }

    private static double MultiplierFor(string sectionKey, IReadOnlyDictionary<string, double>? multipliers)
    {
        if (multipliers is null || !multipliers.TryGetValue(sectionKey, out var multiplier))
        {
            return 1;
        }

        if (!double.IsFinite(multiplier) || multiplier < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multipliers), multiplier, $"The multiplier of section '{sectionKey}' must be a finite number ≥ 0.");
        }

        return multiplier;
    }
}
