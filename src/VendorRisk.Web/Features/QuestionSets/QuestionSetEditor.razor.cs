using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Edits a draft's <see cref="QuestionSetDocument"/> in place: an outline (<see cref="QuestionSetOutline"/>) and one
/// panel per kind of item (set, section, question, with the question's options and number bands). Every change
/// re-runs the format's validators and shows each error next to the field its <c>$.</c> path names.
/// </summary>
public partial class QuestionSetEditor
{
    /// <summary>The draft being edited; changed in place.</summary>
    [Parameter, EditorRequired] public QuestionSetDocument Document { get; set; } = null!;

    /// <summary>Raised after every change with the current errors (empty when the draft is valid).</summary>
    [Parameter] public EventCallback<IReadOnlyList<FormatError>> OnChanged { get; set; }

    /// <summary>Read-only rendering (no buttons, disabled fields).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    private FormatErrorIndex _errors = new([]);
    private QuestionSetDocument? _validated;
    private EditorSelection _selected;

    public IReadOnlyList<FormatError> Errors => _errors.All;

    private List<SectionDocument> Sections => Document.Sections ??= [];

    private IReadOnlyList<string?> SectionTitles => Sections.Select(s => s.Title).ToList();

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_validated, Document))
        {
            _validated = Document;
            _selected = new(Sections.Count > 0 ? 0 : null, Sections.Count > 0 && Sections[0].Questions is { Count: > 0 } ? 0 : null);
            Revalidate();
        }
    }

    private void Revalidate() => _errors = new FormatErrorIndex(QuestionSetFormat.Validate(Document));

    private void Select(EditorSelection selection) => _selected = selection;

    private async Task ChangedAsync()
    {
        Revalidate();
        await OnChanged.InvokeAsync(_errors.All);
    }

    /// <summary>A change after which the panel shows <paramref name="selection"/>.</summary>
    private async Task ChangedToAsync(EditorSelection selection)
    {
        _selected = selection;
        await ChangedAsync();
    }

    private async Task DeleteSectionAsync(int s)
    {
        if (!QuestionSetEditing.IsIndexOf(Sections, s))
            return;
        Sections.RemoveAt(s);
        await ChangedToAsync(EditorSelection.Set);
    }

    private async Task MoveQuestionToSectionAsync(int s, int q, int target)
    {
        if (target == s)
            return;
        await ChangedToAsync(QuestionSetEditing.MoveQuestion(Sections, s, q, target, Sections[target].Questions?.Count ?? 0));
    }
}
