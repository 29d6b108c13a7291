namespace VendorRisk.Domain.QuestionSets.Interchange;

/// <summary>Maps between the file's documents and the domain's <see cref="QuestionSetDefinition"/>.</summary>
public static class QuestionSetMapper
{
    /// <summary>
    /// Resolves every default of the format. The document must be valid
    /// (<see cref="QuestionSetFormat.Validate"/>); use <see cref="QuestionSetFormat.ToDefinition"/> for a checked mapping.
    /// </summary>
    public static QuestionSetDefinition ToDefinition(QuestionSetDocument document)
    {
        var bands = document.RatingBands!
            .Select(b => new RatingBand(b.Label!, b.MinScore!.Value))
            .OrderByDescending(b => b.MinScore)
            .ToList();
        return new QuestionSetDefinition
        {
            Key = document.Key!,
            Title = document.Title!,
            Description = document.Description,
            RatingBands = bands,
            KnockoutRating = document.KnockoutRating ?? DefaultKnockoutRating(bands),
            Sections = document.Sections!.Select(ToSection).ToList(),
        };
    }

    /// <summary>The second-worst band, or the worst when there is only one.</summary>
    public static string DefaultKnockoutRating(IReadOnlyList<RatingBand> bandsBestToWorst) =>
        bandsBestToWorst[Math.Max(0, bandsBestToWorst.Count - 2)].Label;

    private static Section ToSection(SectionDocument section) => new()
    {
        Key = section.Key!,
        Title = section.Title!,
        Description = section.Description,
        Weight = section.Weight ?? QuestionSetLimits.DefaultWeight,
        Questions = section.Questions!.Select(ToQuestion).ToList(),
    };

    private static Question ToQuestion(QuestionDocument question)
    {
        if (!QuestionTypeNames.TryParse(question.Type, out var type))
            throw new ArgumentException($"Unknown question type \"{question.Type}\".", nameof(question));

        var options = question.Options?.Select(o => new AnswerOption(o.Key!, o.Label!, o.Score!.Value)).ToList() ?? [];
        var scored = type != QuestionType.Text;
        var critical = scored && (question.Critical ?? false);
        return new Question
        {
            Key = question.Key!,
            Text = question.Text!,
            Guidance = question.Guidance,
            Type = type,
            Weight = scored ? question.Weight ?? QuestionSetLimits.DefaultWeight : 0,
            Critical = critical,
            KnockoutBelow = critical ? question.KnockoutBelow ?? QuestionSetLimits.DefaultKnockoutBelow : QuestionSetLimits.DefaultKnockoutBelow,
            AllowNotApplicable = question.AllowNotApplicable ?? false,
            References = question.References?.ToList() ?? [],
            Role = question.Role,
            Unit = question.Unit,
            Level = QuestionLevelNames.TryParse(question.Level ?? QuestionLevelNames.Vendor, out var level)
                ? level
                : throw new ArgumentException($"Unknown question level \"{question.Level}\".", nameof(question)),
            Options = type is QuestionType.Choice or QuestionType.Multi ? options : [],
            MaxScore = type == QuestionType.Multi ? question.MaxScore ?? options.Sum(o => o.Score) : null,
            Bands = type == QuestionType.Number
                ? question.Bands!.Select(b => new NumberBand(b.UpTo, b.Score!.Value)).ToList()
                : [],
        };
    }

    /// <summary>
    /// Writes every field the element may have with its effective value and none it may not
    /// (the export rules). Used for export and for editing a copy of a version.
    /// </summary>
    public static QuestionSetDocument ToDocument(QuestionSetDefinition definition, int? version = null) => new()
    {
        Format = QuestionSetLimits.FormatId,
        Key = definition.Key,
        Title = definition.Title,
        Description = definition.Description,
        Version = version,
        RatingBands = definition.RatingBands
            .OrderByDescending(b => b.MinScore)
            .Select(b => new RatingBandDocument { Label = b.Label, MinScore = b.MinScore })
            .ToList(),
        KnockoutRating = definition.KnockoutRating,
        Sections = definition.Sections.Select(ToDocument).ToList(),
    };

    private static SectionDocument ToDocument(Section section) => new()
    {
        Key = section.Key,
        Title = section.Title,
        Description = section.Description,
        Weight = section.Weight,
        Questions = section.Questions.Select(ToDocument).ToList(),
    };

    private static QuestionDocument ToDocument(Question question)
    {
        var type = question.Type;
        var scored = type != QuestionType.Text;
        var hasOptions = type is QuestionType.Choice or QuestionType.Multi;
        var isNumber = type == QuestionType.Number;
        return new QuestionDocument
        {
            Key = question.Key,
            Text = question.Text,
            Guidance = question.Guidance,
            Type = QuestionTypeNames.ToName(type),
            Weight = scored ? question.Weight : null,
            Critical = scored ? question.Critical : null,
            KnockoutBelow = scored && question.Critical ? question.KnockoutBelow : null,
            AllowNotApplicable = question.AllowNotApplicable,
            References = question.References.Count > 0 ? question.References.ToList() : null,
            Role = isNumber ? question.Role : null,
            Unit = isNumber ? question.Unit : null,
            Level = QuestionLevelNames.ToName(question.Level),
            Options = hasOptions
                ? question.Options.Select(o => new OptionDocument { Key = o.Key, Label = o.Label, Score = o.Score }).ToList()
                : null,
            MaxScore = type == QuestionType.Multi ? question.MaxScore ?? question.Options.Sum(o => o.Score) : null,
            Bands = isNumber
                ? question.Bands.Select(b => new BandDocument { UpTo = b.UpTo, Score = b.Score }).ToList()
                : null,
        };
    }
}
