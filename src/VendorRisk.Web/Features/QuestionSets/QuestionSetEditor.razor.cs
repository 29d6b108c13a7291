using System.Globalization;
using Microsoft.AspNetCore.Components;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>
/// Edits a draft's <see cref="QuestionSetDocument"/> in place: set details, sections, questions,
/// options and bands. Every change re-runs the format's validators and shows each error next to
/// the field its <c>$.</c> path names.
/// </summary>
public partial class QuestionSetEditor
{
    /// <summary>The draft being edited; changed in place.</summary>
    [Parameter, EditorRequired] public QuestionSetDocument Document { get; set; } = null!;

    /// <summary>Raised after every change with the current errors (empty when the draft is valid).</summary>
    [Parameter] public EventCallback<IReadOnlyList<FormatError>> OnChanged { get; set; }

    /// <summary>Read-only rendering (no buttons, disabled fields).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    private IReadOnlyList<FormatError> _errors = [];
    private Dictionary<string, List<string>> _errorsByPath = [];
    private QuestionSetDocument? _validated;

    /// <summary>Which item the right-hand panel edits: the set (null section), a section, or a question.</summary>
    private int? _section;
    private int? _question;

    public IReadOnlyList<FormatError> Errors => _errors;

    private List<SectionDocument> Sections => Document.Sections ??= [];

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_validated, Document))
        {
            _validated = Document;
            _section = Sections.Count > 0 ? 0 : null;
            _question = Sections.Count > 0 && Sections[0].Questions is { Count: > 0 } ? 0 : null;
            Revalidate();
        }
    }

    private void Revalidate()
    {
        _errors = QuestionSetFormat.Validate(Document);
        _errorsByPath = _errors.GroupBy(e => e.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToList(), StringComparer.Ordinal);
    }

    private async Task ChangedAsync()
    {
        Revalidate();
        await OnChanged.InvokeAsync(_errors);
    }

    // ---- errors by path

    private static string SetPath => "$";
    private static string SectionPath(int s) => $"$.sections[{s}]";
    private static string QuestionPath(int s, int q) => $"$.sections[{s}].questions[{q}]";

    private string? ErrorAt(string path) =>
        _errorsByPath.TryGetValue(path, out var messages) ? Capitalize(string.Join("; ", messages)) : null;

    private bool HasErrorAt(string path) => _errorsByPath.ContainsKey(path);

    private int ErrorsWithin(string path) => _errors.Count(e => FormatPath.IsWithin(e.Path, path));

    /// <summary>Errors about a question's own content, not about its fields shown in the panel.</summary>
    private IEnumerable<string> ErrorsOfItemItself(string path) =>
        _errorsByPath.TryGetValue(path, out var messages) ? messages.Select(Capitalize) : [];

    private static string Capitalize(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    // ---- selection

    private void SelectSet() => (_section, _question) = (null, null);

    private void SelectSection(int s) => (_section, _question) = (s, null);

    private void SelectQuestion(int s, int q) => (_section, _question) = (s, q);

    private bool IsSelected(int? s, int? q) => _section == s && _question == q;

    private void SelectPath(string path)
    {
        // $.sections[2].questions[5].options[1].label → section 2, question 5
        var s = IndexAfter(path, "sections[");
        var q = IndexAfter(path, "questions[");
        (_section, _question) = (s, s is null ? null : q);
    }

    private static int? IndexAfter(string path, string marker)
    {
        var start = path.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += marker.Length;
        var end = path.IndexOf(']', start);
        return end > start && int.TryParse(path[start..end], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    // ---- sections

    private async Task AddSectionAsync()
    {
        var key = UniqueKey("section", Sections.Select(s => s.Key));
        Sections.Add(new SectionDocument
        {
            Key = key,
            Title = "",
            Weight = QuestionSetLimits.DefaultWeight,
            Questions = [NewQuestion(UniqueQuestionKey())],
        });
        SelectSection(Sections.Count - 1);
        await ChangedAsync();
    }

    private async Task MoveSectionAsync(int s, int delta)
    {
        if (!Move(Sections, s, delta))
            return;
        if (_section == s)
            _section = s + delta;
        else if (_section == s + delta)
            _section = s;
        await ChangedAsync();
    }

    private async Task DeleteSectionAsync(int s)
    {
        Sections.RemoveAt(s);
        if (_section == s)
            SelectSet();
        else if (_section > s)
            _section--;
        await ChangedAsync();
    }

    // ---- questions

    private async Task AddQuestionAsync(int s)
    {
        var questions = Sections[s].Questions ??= [];
        questions.Add(NewQuestion(UniqueQuestionKey()));
        SelectQuestion(s, questions.Count - 1);
        await ChangedAsync();
    }

    private async Task MoveQuestionAsync(int s, int q, int delta)
    {
        if (!Move(Sections[s].Questions!, q, delta))
            return;
        if (_section == s && _question == q)
            _question = q + delta;
        else if (_section == s && _question == q + delta)
            _question = q;
        await ChangedAsync();
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

        await MoveQuestionToAsync(from.Section, from.Question, targetSection, index);
    }

    private async Task DeleteQuestionAsync(int s, int q)
    {
        Sections[s].Questions!.RemoveAt(q);
        if (_section == s && _question == q)
            SelectSection(s);
        else if (_section == s && _question > q)
            _question--;
        await ChangedAsync();
    }

    private async Task MoveQuestionToSectionAsync(int s, int q, int target)
    {
        if (target == s)
            return;
        await MoveQuestionToAsync(s, q, target, Sections[target].Questions?.Count ?? 0);
    }

    /// <summary>Takes question <paramref name="q"/> of section <paramref name="s"/> to <paramref name="index"/> of section <paramref name="target"/>, and opens it there.</summary>
    private async Task MoveQuestionToAsync(int s, int q, int target, int index)
    {
        var source = Sections[s].Questions!;
        var question = source[q];
        source.RemoveAt(q);
        var questions = Sections[target].Questions ??= [];
        index = Math.Clamp(index, 0, questions.Count);
        questions.Insert(index, question);
        SelectQuestion(target, index);
        await ChangedAsync();
    }

    private static QuestionDocument NewQuestion(string key) => new()
    {
        Key = key,
        Text = "",
        Type = QuestionTypeNames.Choice,
        Weight = QuestionSetLimits.DefaultWeight,
        Critical = false,
        AllowNotApplicable = false,
        Options =
        [
            new() { Key = "no", Label = "No", Score = 0 },
            new() { Key = "yes", Label = "Yes", Score = 1 },
        ],
    };

    /// <summary>Switching type keeps what still applies and removes the fields the new type may not have.</summary>
    private async Task SetTypeAsync(QuestionDocument question, string type)
    {
        question.Type = type;
        var scored = type != QuestionTypeNames.Text;
        if (!scored)
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
                question.Options.Add(new OptionDocument { Key = UniqueKey("option", question.Options.Select(o => o.Key)), Label = "", Score = question.Options.Count });
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

    private async Task SetCriticalAsync(QuestionDocument question, bool critical)
    {
        question.Critical = critical;
        question.KnockoutBelow = critical ? question.KnockoutBelow ?? QuestionSetLimits.DefaultKnockoutBelow : null;
        await ChangedAsync();
    }

    private async Task SetRoleAsync(QuestionDocument question, string? role)
    {
        question.Role = string.IsNullOrEmpty(role) ? null : role;
        await ChangedAsync();
    }

    private static string ReferencesText(QuestionDocument question) => string.Join('\n', question.References ?? []);

    private async Task SetReferencesAsync(QuestionDocument question, string? text)
    {
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        question.References = lines.Count == 0 ? null : lines;
        await ChangedAsync();
    }

    private string? ReferencesError(string questionPath)
    {
        var messages = _errors
            .Where(e => FormatPath.IsWithin(e.Path, questionPath + ".references"))
            .Select(e => IndexAfter(e.Path, "references[") is { } i ? $"Line {i + 1}: {e.Message}" : Capitalize(e.Message))
            .ToList();
        return messages.Count == 0 ? null : string.Join("; ", messages);
    }

    // ---- options, bands, rating bands

    private async Task AddOptionAsync(QuestionDocument question)
    {
        var options = question.Options ??= [];
        options.Add(new OptionDocument
        {
            Key = UniqueKey("option", options.Select(o => o.Key)),
            Label = "",
            Score = options.Count == 0 ? 0 : options.Max(o => o.Score ?? 0) + 1,
        });
        await ChangedAsync();
    }

    private async Task AddBandAsync(QuestionDocument question)
    {
        var bands = question.Bands ??= [];
        // A new band goes before an open-ended last band.
        var index = bands.Count > 0 && bands[^1].UpTo is null ? bands.Count - 1 : bands.Count;
        var previous = bands.Take(index).Select(b => b.UpTo).LastOrDefault(u => u is not null);
        bands.Insert(index, new BandDocument { UpTo = (previous ?? 0) + 10, Score = 0 });
        await ChangedAsync();
    }

    private async Task AddRatingBandAsync()
    {
        var bands = Document.RatingBands ??= [];
        bands.Add(new RatingBandDocument { Label = "", MinScore = null });
        await ChangedAsync();
    }

    private async Task DeleteRatingBandAsync(int index)
    {
        var removed = Document.RatingBands![index];
        Document.RatingBands.RemoveAt(index);
        if (removed.Label is not null && Document.KnockoutRating == removed.Label)
            Document.KnockoutRating = null;
        await ChangedAsync();
    }

    private async Task SetKnockoutRatingAsync(string? label)
    {
        Document.KnockoutRating = string.IsNullOrEmpty(label) ? null : label;
        await ChangedAsync();
    }

    private string DefaultKnockoutLabel()
    {
        var ranked = (Document.RatingBands ?? []).Where(b => b.MinScore is not null && !string.IsNullOrEmpty(b.Label))
            .OrderByDescending(b => b.MinScore).Select(b => b.Label!).ToList();
        return ranked.Count == 0 ? "—" : ranked[Math.Max(0, ranked.Count - 2)];
    }

    private async Task RemoveAtAsync<T>(List<T> list, int index)
    {
        list.RemoveAt(index);
        await ChangedAsync();
    }

    private async Task MoveAsync<T>(List<T> list, int index, int delta)
    {
        if (Move(list, index, delta))
            await ChangedAsync();
    }

    private static bool Move<T>(List<T> list, int index, int delta)
    {
        var target = index + delta;
        if (target < 0 || target >= list.Count)
            return false;
        (list[index], list[target]) = (list[target], list[index]);
        return true;
    }

    // ---- keys and display

    private string UniqueQuestionKey() =>
        UniqueKey("question", Sections.SelectMany(s => s.Questions ?? []).Select(q => q.Key));

    private static string UniqueKey(string stem, IEnumerable<string?> existing)
    {
        var used = existing.Where(k => k is not null).ToHashSet(StringComparer.Ordinal);
        for (var n = used.Count + 1; ; n++)
        {
            var key = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (!used.Contains(key))
                return key;
        }
    }

    private static string QuestionLabel(QuestionDocument question) =>
        string.IsNullOrWhiteSpace(question.Text) ? "(no text yet)" : question.Text;

    private static string TypeLabel(string? type) => type switch
    {
        QuestionTypeNames.Choice => "Single choice",
        QuestionTypeNames.Multi => "Multiple choice",
        QuestionTypeNames.Number => "Number",
        QuestionTypeNames.Text => "Free text",
        _ => "?",
    };

    private static string TypeIcon(string? type) => type switch
    {
        QuestionTypeNames.Choice => MudBlazor.Icons.Material.Outlined.RadioButtonChecked,
        QuestionTypeNames.Multi => MudBlazor.Icons.Material.Outlined.CheckBox,
        QuestionTypeNames.Number => MudBlazor.Icons.Material.Outlined.Pin,
        _ => MudBlazor.Icons.Material.Outlined.Notes,
    };

    private static string RoleLabel(string role) => role switch
    {
        CostRoles.PriceInputPerMTok => "Price per 1M input tokens (USD)",
        CostRoles.PriceOutputPerMTok => "Price per 1M output tokens (USD)",
        CostRoles.PriceCachedInputPerMTok => "Price per 1M cached input tokens (USD)",
        CostRoles.BatchDiscountPercent => "Batch discount (%)",
        CostRoles.CommittedUseDiscountPercent => "Committed-use discount (%)",
        CostRoles.ResidencySurchargePercent => "Residency surcharge (%)",
        CostRoles.MonthlyMinimumUsd => "Monthly minimum commitment (USD)",
        CostRoles.RateLimitTokensPerMinute => "Rate limit (tokens per minute)",
        _ => role,
    };

    private static string MultiMaxHint(QuestionDocument question) =>
        "Empty: the sum of the option scores (" + (question.Options ?? []).Sum(o => o.Score ?? 0).ToString("0.##", CultureInfo.InvariantCulture) + ")";
}
