using VendorRisk.Web.Infrastructure.UseCases;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

public sealed class QuestionSetEditorTests : BunitContext, IAsyncLifetime
{
    private QuestionSetTestHost _host = null!;

    public QuestionSetEditorTests()
    {
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async ValueTask InitializeAsync()
    {
        _host = await QuestionSetTestHost.StartAsync();
        Services.AddSingleton(_host.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>());
        Services.AddSingleton<ICurrentUser>(_host.User);
        Services.AddUseCases(typeof(QuestionSetService).Assembly).AddScoped<QuestionSetService>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    private static QuestionSetDocument TwoQuestions()
    {
        var document = QuestionSetService.NewSetTemplate("editor-set", "Editor set");
        var first = document.Sections![0].Questions![0];
        first.Key = "first";
        first.Text = "First question";
        document.Sections[0].Questions!.Add(new QuestionDocument
        {
            Key = "second",
            Text = "Second question",
            Type = QuestionTypeNames.Text,
        });
        return document;
    }

    private static IReadOnlyList<string?> OutlineKeys(IRenderedComponent<QuestionSetEditor> cut) =>
        cut.FindAll("[data-question]").Select(e => e.GetAttribute("data-question")).ToList();

    [Fact]
    public void Adding_a_question_puts_it_in_the_outline_and_opens_it_with_its_missing_text_flagged()
    {
        var document = TwoQuestions();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));

        cut.Find("button.add-question").Click();

        Assert.Equal(3, document.Sections![0].Questions!.Count);
        Assert.Equal(["first", "second", "question-3"], OutlineKeys(cut));
        Assert.Contains("Question 1.3", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("$.sections[0].questions[2].text", cut.Instance.Errors.Select(e => e.Path));
        Assert.Contains("Text must be", cut.Find(".mud-input-error").TextContent + cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_model_level_writes_it_into_the_document_and_the_editor_says_what_it_means()
    {
        var document = TwoQuestions();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));
        var level = cut.FindComponents<MudBlazor.MudSelect<string>>().First(s => s.Instance.Label == "Level");

        await cut.InvokeAsync(() => level.Instance.ValueChanged.InvokeAsync("model"));

        Assert.Equal("model", document.Sections![0].Questions![0].Level);
        Assert.Contains("starts empty for each offering", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(Domain.QuestionSets.QuestionLevel.Model, QuestionSetFormat.ToDefinition(document).Sections[0].Questions[0].Level);
    }

    [Fact]
    public void Moving_a_question_down_reorders_the_document_and_the_outline()
    {
        var document = TwoQuestions();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));

        cut.Find("[data-question=first] button.move-down").Click();

        Assert.Equal(["second", "first"], document.Sections![0].Questions!.Select(q => q.Key));
        Assert.Equal(["second", "first"], OutlineKeys(cut));
    }

    private static QuestionSetDocument TwoSections()
    {
        var document = TwoQuestions();
        document.Sections!.Add(new SectionDocument
        {
            Key = "later",
            Title = "Later section",
            Weight = 1,
            Questions = [new QuestionDocument { Key = "third", Text = "Third question", Type = QuestionTypeNames.Text }],
        });
        return document;
    }

    [Fact]
    public void Dragging_a_question_onto_another_takes_its_place()
    {
        var document = TwoQuestions();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));

        cut.Find("[data-question=first]").DragStart();
        cut.Find("[data-question=second]").DragEnter();
        Assert.Contains("drop-target", cut.Find("[data-question=second]").ClassName, StringComparison.Ordinal);
        cut.Find("[data-question=second]").Drop();

        Assert.Equal(["second", "first"], document.Sections![0].Questions!.Select(q => q.Key));
        Assert.Equal(["second", "first"], OutlineKeys(cut));
        Assert.Empty(cut.FindAll(".drop-target"));
    }

    [Fact]
    public void Dragging_a_question_into_another_section_moves_it_there()
    {
        var document = TwoSections();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));

        cut.Find("[data-question=first]").DragStart();
        cut.Find("[data-question=third]").Drop();
        Assert.Equal(["second"], document.Sections![0].Questions!.Select(q => q.Key));
        Assert.Equal(["first", "third"], document.Sections[1].Questions!.Select(q => q.Key));

        // Dropped on a section's "Add question" row, a question goes last.
        cut.Find("[data-question=second]").DragStart();
        cut.FindAll(".vr-qs-add")[1].Drop();
        Assert.Empty(document.Sections[0].Questions!);
        Assert.Equal(["first", "third", "second"], document.Sections[1].Questions!.Select(q => q.Key));
    }

    [Fact]
    public void A_drop_without_a_drag_or_in_a_read_only_editor_changes_nothing()
    {
        var document = TwoQuestions();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));
        cut.Find("[data-question=second]").Drop();
        Assert.Equal(["first", "second"], document.Sections![0].Questions!.Select(q => q.Key));

        var readOnly = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document).Add(e => e.ReadOnly, true));
        Assert.Equal("false", readOnly.Find("[data-question=first]").GetAttribute("draggable"));
        readOnly.Find("[data-question=first]").DragStart();
        readOnly.Find("[data-question=second]").Drop();
        Assert.Equal(["first", "second"], document.Sections[0].Questions!.Select(q => q.Key));
    }

    [Fact]
    public void Deleting_a_question_removes_it()
    {
        var document = TwoQuestions();
        var cut = Render<QuestionSetEditor>(p => p.Add(e => e.Document, document));

        cut.Find("[data-question=second] button.delete-question").Click();

        Assert.Equal(["first"], document.Sections![0].Questions!.Select(q => q.Key));
        Assert.Equal(["first"], OutlineKeys(cut));
    }

    [Fact]
    public void An_invalid_key_shows_the_validator_message_next_to_the_field_as_the_admin_types()
    {
        var document = TwoQuestions();
        IReadOnlyList<FormatError>? reported = null;
        var cut = Render<QuestionSetEditor>(p => p
            .Add(e => e.Document, document)
            .Add(e => e.OnChanged, errors => reported = errors));
        Assert.Empty(cut.FindAll(".mud-input-error"));

        cut.Find("input#question-key").Input("Not A Key");

        var expected = QuestionSetFormat.Validate(document).Single(e => e.Path == "$.sections[0].questions[0].key");
        Assert.NotNull(reported);
        Assert.Contains(reported, e => e.Path == expected.Path);
        var field = cut.Find("input#question-key").Closest(".mud-input-control")!;
        Assert.Contains(expected.Message[1..], field.TextContent, StringComparison.Ordinal);
        Assert.Contains("1", cut.Find(".vr-qs-question.invalid .vr-qs-errcount").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_refused_with_the_list_of_problems_and_nothing_changes()
    {
        var draft = await _host.Service.ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Valid()), Xunit.TestContext.Current.CancellationToken);
        var cut = Render<QuestionSetEditorPage>(p => p.Add(e => e.Key, draft.Key).Add(e => e.Number, draft.Version));
        cut.WaitForElement("#publish-draft");

        cut.Find("textarea#question-text").Input("");
        cut.Find("button#publish-draft").Click();

        var problems = cut.WaitForElement("#publish-problems");
        Assert.Contains("Publishing refused", problems.TextContent, StringComparison.Ordinal);
        Assert.Contains("$.sections[0].questions[0].text", problems.TextContent, StringComparison.Ordinal);
        var stored = await _host.Service.GetVersionAsync(draft.Key, draft.Version, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(VersionStatus.Draft, stored.Version.Status);
        Assert.Equal("Is there a policy?", stored.Definition.Sections[0].Questions[0].Text);
    }
}
