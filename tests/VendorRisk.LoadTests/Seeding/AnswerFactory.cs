using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.LoadTests.Seeding;

/// <summary>Valid answers of every question type, leaning towards good answers as real vendors' do.</summary>
internal sealed class AnswerFactory(Random random)
{
    private static readonly EvidenceSource[] Sources = Enum.GetValues<EvidenceSource>();

    public AnswerValue Make(Question question, DateOnly today)
    {
        var value = question.Type switch
        {
            QuestionType.Choice => new AnswerValue { QuestionKey = question.Key, Choice = Pick(question.Options).Key },
            QuestionType.Multi => new AnswerValue
            {
                QuestionKey = question.Key,
                Choices = question.Options.Where(_ => random.NextDouble() < 0.6).Select(o => o.Key).ToList(),
            },
            QuestionType.Number => new AnswerValue { QuestionKey = question.Key, Number = NumberFor(question) },
            _ => new AnswerValue { QuestionKey = question.Key, Text = "Described in the vendor's security whitepaper, section " + random.Next(1, 12) + "." },
        };
        if (question.AllowNotApplicable && random.NextDouble() < 0.05)
            value = new AnswerValue { QuestionKey = question.Key, NotApplicable = true, Justification = "Not offered in our deployment." };
        return value with
        {
            Note = random.NextDouble() < 0.3 ? "Confirmed on the vendor call." : null,
            Evidence = random.NextDouble() < 0.7
                ? new Evidence("Vendor documentation", Sources[random.Next(Sources.Length)], today.AddDays(-random.Next(0, 700)))
                : null,
        };
    }

    public static void Apply(Answer answer, AnswerValue value) => answer.Apply(value);

    private AnswerOption Pick(IReadOnlyList<AnswerOption> options)
    {
        // Two thirds of answers take one of the better half of the options.
        var ordered = options.OrderByDescending(o => o.Score).ToList();
        var half = Math.Max(1, ordered.Count / 2);
        return random.NextDouble() < 0.67 ? ordered[random.Next(half)] : ordered[random.Next(ordered.Count)];
    }

    private double NumberFor(Question question)
    {
        var limits = question.Bands.Select(b => b.UpTo).OfType<double>().ToList();
        if (limits.Count == 0)
            return random.Next(0, 1000);
        var top = limits.Max();
        return Math.Round(random.NextDouble() * top * 1.2, 1);
    }
}
