using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// The question-set editor's outline: the set, its sections and their questions, with their error counts; it adds,
/// reorders (buttons, or drag and drop between sections), deletes and selects them.
/// </summary>
public partial class QuestionSetOutline
{
    /// <summary>The draft's sections; changed in place.</summary>
    [Parameter, EditorRequired] public List<SectionDocument> Sections { get; set; } = null!;

    [Parameter, EditorRequired] public FormatErrorIndex Errors { get; set; } = null!;

    [Parameter] public EditorSelection Selected { get; set; }

    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Another item chosen; nothing changed.</summary>
    [Parameter] public EventCallback<EditorSelection> OnSelect { get; set; }

    /// <summary>The sections changed; the item to show now.</summary>
    [Parameter] public EventCallback<EditorSelection> OnChanged { get; set; }

    private bool IsSelected(int? s, int? q) => Selected.Section == s && Selected.Question == q;

    private Task SelectAsync(EditorSelection selection) => OnSelect.InvokeAsync(selection);

    private async Task AddSectionAsync()
    {
        var key = QuestionSetEditing.UniqueKey("section", Sections.Select(s => s.Key));
        Sections.Add(new SectionDocument
        {
            Key = key,
            Title = "",
            Weight = QuestionSetLimits.DefaultWeight,
            Questions = [QuestionSetEditing.NewQuestion(QuestionSetEditing.UniqueQuestionKey(Sections))],
        });
        await OnChanged.InvokeAsync(new(Sections.Count - 1, null));
    }

    private async Task MoveSectionAsync(int s, int delta)
    {
        if (!QuestionSetEditing.Move(Sections, s, delta))
            return;
        var selected = Selected;
        if (selected.Section == s)
            selected = selected with { Section = s + delta };
        else if (selected.Section == s + delta)
            selected = selected with { Section = s };
        await OnChanged.InvokeAsync(selected);
    }

    private async Task AddQuestionAsync(int s)
    {
        var questions = Sections[s].Questions ??= [];
        questions.Add(QuestionSetEditing.NewQuestion(QuestionSetEditing.UniqueQuestionKey(Sections)));
        await OnChanged.InvokeAsync(new(s, questions.Count - 1));
    }

    private async Task MoveQuestionAsync(int s, int q, int delta)
    {
        if (!QuestionSetEditing.IsIndexOf(Sections, s) || Sections[s].Questions is null || !QuestionSetEditing.Move(Sections[s].Questions!, q, delta))
            return;
        var selected = Selected;
        if (selected.Section == s && selected.Question == q)
            selected = selected with { Question = q + delta };
        else if (selected.Section == s && selected.Question == q + delta)
            selected = selected with { Question = q };
        await OnChanged.InvokeAsync(selected);
    }

    private async Task DeleteQuestionAsync(int s, int q)
    {
        if (!QuestionSetEditing.IsIndexOf(Sections, s) || !QuestionSetEditing.IsIndexOf(Sections[s].Questions, q))
            return;
        Sections[s].Questions!.RemoveAt(q);
        var selected = Selected;
        if (selected.Section == s && selected.Question == q)
            selected = new(s, null);
        else if (selected.Section == s && selected.Question > q)
            selected = selected with { Question = selected.Question - 1 };
        await OnChanged.InvokeAsync(selected);
    }

    // ---- drag and drop (the up/down buttons and the section select remain the keyboard way)

    private (int Section, int Question)? _dragged;
    private (int Section, int Index)? _dropTarget;

    private void StartDrag(int s, int q) => _dragged = ReadOnly ? null : (s, q);

    private void EndDrag() => (_dragged, _dropTarget) = (null, null);

    private void DragOver(int s, int index)
    {
        if (_dragged is not null)
            _dropTarget = (s, index);
    }

    private bool IsDropTarget(int s, int index) => _dropTarget == (s, index);

    /// <summary>
    /// Moves the dragged question to <paramref name="index"/> of section <paramref name="targetSection"/>: it takes the
    /// place of the question it was dropped on (or goes last when dropped on a section's "Add question" row).
    /// </summary>
    private async Task DropQuestionAsync(int targetSection, int index)
    {
        var dragged = _dragged;
        EndDrag();
        if (ReadOnly || dragged is not { } from || from.Section >= Sections.Count || targetSection < 0 || targetSection >= Sections.Count)
            return;
        var source = Sections[from.Section].Questions;
        if (source is null || from.Question < 0 || from.Question >= source.Count || (from.Section == targetSection && from.Question == index))
            return;

        await OnChanged.InvokeAsync(QuestionSetEditing.MoveQuestion(Sections, from.Section, from.Question, targetSection, index));
    }
}
