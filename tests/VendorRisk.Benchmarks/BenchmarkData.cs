using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Benchmarks;

/// <summary>A realistic set: 8 sections × 8 questions (choice, multi, number, one text each), 10 vendors answering ~90 %.</summary>
internal static class BenchmarkData
{
    public const int SectionCount = 8;
    public const int QuestionsPerSection = 8;
    public const int VendorCount = 10;
    public static readonly DateOnly AsOf = new(2026, 11, 25);

    public static QuestionSetDefinition BuildSet()
    {
        var sections = new List<Section>();
        for (var s = 0; s < SectionCount; s++)
        {
            var questions = new List<Question>();
            for (var q = 0; q < QuestionsPerSection; q++)
            {
                var key = $"s{s}-q{q}";
                questions.Add((q % 4) switch
                {
                    0 => new Question
                    {
                        Key = key, Text = key, Type = QuestionType.Choice, Weight = 1 + q % 3, Critical = q == 0, AllowNotApplicable = true,
                        Options = [new("none", "None", 0), new("basic", "Basic", 1), new("good", "Good", 3), new("full", "Full", 4)],
                    },
                    1 => new Question
                    {
                        Key = key, Text = key, Type = QuestionType.Multi, MaxScore = 3,
                        Options = [new("a", "A", 1), new("b", "B", 1), new("c", "C", 1), new("d", "D", 1)],
                    },
                    2 => new Question
                    {
                        Key = key, Text = key, Type = QuestionType.Number,
                        Bands = [new(1, 4), new(5, 3), new(15, 1), new(null, 0)],
                    },
                    _ when q == QuestionsPerSection - 1 => new Question { Key = key, Text = key, Type = QuestionType.Text, Weight = 0 },
                    _ => new Question
                    {
                        Key = key, Text = key, Type = QuestionType.Choice, Weight = 2,
                        Options = [new("no", "No", 0), new("yes", "Yes", 1)],
                    },
                });
            }

            sections.Add(new Section { Key = $"section-{s}", Title = $"Section {s}", Weight = 1 + s % 3, Questions = questions });
        }

        return new QuestionSetDefinition
        {
            Key = "benchmark-set",
            Title = "Benchmark set",
            RatingBands = [new("Low", 80), new("Moderate", 60), new("High", 40), new("Critical", 0)],
            KnockoutRating = "High",
            Sections = sections,
        };
    }

    public static IReadOnlyDictionary<string, AnswerValue> BuildAnswers(QuestionSetDefinition set, int seed)
    {
        var random = new Random(seed);
        var answers = new Dictionary<string, AnswerValue>();
        foreach (var question in set.AllQuestions)
        {
            if (random.NextDouble() < 0.1)
            {
                continue;
            }

            var evidence = new Evidence("ref", (EvidenceSource)random.Next(4), AsOf.AddDays(-random.Next(700)));
            answers[question.Key] = question.Type switch
            {
                QuestionType.Choice => new AnswerValue { QuestionKey = question.Key, Choice = question.Options[random.Next(question.Options.Count)].Key, Evidence = evidence },
                QuestionType.Multi => new AnswerValue { QuestionKey = question.Key, Choices = [.. question.Options.Where(_ => random.Next(2) == 0).Select(o => o.Key)], Evidence = evidence },
                QuestionType.Number => new AnswerValue { QuestionKey = question.Key, Number = random.NextDouble() * 20 },
                _ => new AnswerValue { QuestionKey = question.Key, Text = "Notes" },
            };
        }

        return answers;
    }

    public static List<ComparisonInput> BuildVendors()
    {
        var set = BuildSet();
        return [.. Enumerable.Range(1, VendorCount).Select(i => new ComparisonInput(i, i, $"Vendor {i}", set, BuildAnswers(set, i), AsOf))];
    }
}
