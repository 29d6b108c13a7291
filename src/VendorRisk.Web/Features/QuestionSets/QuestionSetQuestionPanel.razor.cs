using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.QuestionSets;

public partial class QuestionSetQuestionPanel
{
    /// <summary>The question being edited; changed in place.</summary>
    [Parameter, EditorRequired] public QuestionDocument Question { get; set; } = null!;

    /// <summary>The section it is in (0-based).</summary>
    [Parameter] public int SectionIndex { get; set; }

    /// <summary>Its position in the section (0-based).</summary>
    [Parameter] public int Index { get; set; }

    /// <summary>The titles of the set's sections, to move the question to another.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<string?> SectionTitles { get; set; } = [];

    [Parameter, EditorRequired] public FormatErrorIndex Errors { get; set; } = null!;

    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Raised after every change.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    /// <summary>The admin moved the question to the section at this index.</summary>
    [Parameter] public EventCallback<int> OnMoveToSection { get; set; }

    private string Path => FormatErrorIndex.QuestionPath(SectionIndex, Index);

    private bool Scored => Question.Type != QuestionTypeNames.Text;

    private Task ChangedAsync() => OnChanged.InvokeAsync();

    /// <summary>Switching type keeps what still applies and removes the fields the new type may not have.</summary>
    private async Task SetTypeAsync(string type)
    {
        var question = Question;
        question.Type = type;
        if (type == QuestionTypeNames.Text)
        {
            question.Weight = null;
            question.Critical = null;
            question.KnockoutBelow = null;
        }
        else
        {
            question.Weight ??= QuestionSetLimits.DefaultWeight;
            question.Critical ??= false;
        }

        if (type is QuestionTypeNames.Choice or QuestionTypeNames.Multi)
        {
            question.Options ??= [];
            while (question.Options.Count < QuestionSetLimits.MinOptions)
                question.Options.Add(new OptionDocument { Key = QuestionSetEditing.UniqueKey("option", question.Options.Select(o => o.Key)), Label = "", Score = question.Options.Count });
        }
        else
        {
            question.Options = null;
        }

        if (type != QuestionTypeNames.Multi)
            question.MaxScore = null;

        if (type == QuestionTypeNames.Number)
        {
            question.Bands ??= [new() { UpTo = 10, Score = 1 }, new() { UpTo = null, Score = 0 }];
        }
        else
        {
            question.Bands = null;
            question.Role = null;
            question.Unit = null;
        }
        await ChangedAsync();
    }

    private async Task SetCriticalAsync(bool critical)
    {
        Question.Critical = critical;
        Question.KnockoutBelow = critical ? Question.KnockoutBelow ?? QuestionSetLimits.DefaultKnockoutBelow : null;
        await ChangedAsync();
    }

    private string ReferencesText() => string.Join('\n', Question.References ?? []);

    private async Task SetReferencesAsync(string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Question.References = lines.Count == 0 ? null : lines;
        await ChangedAsync();
    }

    private string MultiMaxHint() =>
        "Empty: the sum of the option scores (" + (Question.Options ?? []).Sum(o => o.Score ?? 0).ToString("0.##", CultureInfo.InvariantCulture) + ")";
}
