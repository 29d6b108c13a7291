using Bunit;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>
/// What an open wizard keeps in its circuit: the questions of the section in view, each with light option markup,
/// and a question's note and evidence inputs only while the user has them open.
/// </summary>
public sealed class WizardSectionRenderingTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static readonly QuestionSetDefinition Set = TestData.FrontierSet;

    private static AssessmentSnapshot Snapshot(string? lastSection = null) => new()
    {
        Id = 7, VendorId = 1, VendorName = "Vendor", Title = "Test", Status = AssessmentStatus.Draft, AssessorId = "a", AssessorName = "A",
        CreatedAt = DateTime.UtcNow, Version = 1, QuestionSetVersionId = 1, QuestionSetVersionNumber = 1, QuestionSet = Set,
        Answers = new Dictionary<string, StoredAnswer>(), AsOf = DateOnly.FromDateTime(DateTime.UtcNow), LastSectionKey = lastSection,
        Score = ScoringEngine.Score(Set, new Dictionary<string, AnswerValue>(), DateOnly.FromDateTime(DateTime.UtcNow)),
    };

    private static Task<SavedAnswer> Saves(AnswerInput input) =>
        Task.FromResult(new SavedAnswer(input.Value.QuestionKey, (input.ExpectedVersion ?? 0) + 1, input.Clear, "Me", DateTime.UtcNow));

    private static string[] Rendered(IRenderedComponent<AssessmentWizard> cut) =>
        cut.FindAll("[data-question]").Select(e => e.GetAttribute("data-question")!).ToArray();

    [Fact]
    public async Task Only_the_questions_of_the_section_in_view_are_rendered()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, Snapshot()).Add(w => w.Save, Saves));

        Assert.Equal(Set.Sections[0].Questions.Select(q => q.Key), Rendered(cut));
        Assert.Equal(Set.Sections[0].Questions.Count, cut.FindComponents<QuestionEditor>().Count);

        await cut.InvokeAsync(() => cut.Find("#next-section").Click());

        cut.WaitForAssertion(() => Assert.Equal(Set.Sections[1].Questions.Select(q => q.Key), Rendered(cut)));
        Assert.DoesNotContain(Rendered(cut), key => Set.Sections[0].Questions.Any(q => q.Key == key));
    }

    [Fact]
    public async Task A_question_renders_its_note_and_evidence_inputs_only_while_they_are_open()
    {
        // Opening the details also lists the question's evidence files, which reads the database.
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, Snapshot()).Add(w => w.Save, Saves));
        var key = Set.Sections[0].Questions[0].Key;
        var toggle = cut.Find($"#q-{key}-details-toggle");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(cut.FindAll("[id$='-note'], [id$='-source'], [id$='-date']"));

        await cut.InvokeAsync(() => cut.Find($"#q-{key}-details-toggle").Click());

        Assert.Equal("true", cut.Find($"#q-{key}-details-toggle").GetAttribute("aria-expanded"));
        Assert.NotEmpty(cut.FindAll($"#q-{key}-details #q-{key}-note input, #q-{key}-details input#q-{key}-note"));
        Assert.Single(cut.FindComponents<MudBlazor.MudSelect<EvidenceSource?>>());
    }

    [Fact]
    public void Options_are_native_inputs_each_labelled_by_its_option_and_grouped_under_the_question()
    {
        RenderProviders();
        var cut = Render<AssessmentWizard>(p => p.Add(w => w.Assessment, Snapshot("usage-and-cost")).Add(w => w.Save, Saves));

        var choice = Set.FindQuestion("budget-caps")!;
        var group = cut.Find("#q-budget-caps-choice");
        Assert.Equal("radiogroup", group.GetAttribute("role"));
        Assert.Equal("q-budget-caps-text", group.GetAttribute("aria-labelledby"));
        var radios = group.QuerySelectorAll("input[type=radio]");
        Assert.Equal(choice.Options.Select(o => o.Label), radios.Select(r => r.ParentElement!.TextContent.Trim()));
        Assert.All(radios, r => Assert.Equal("label", r.ParentElement!.LocalName, ignoreCase: true));
        Assert.All(radios, r => Assert.Null(r.GetAttribute("tabindex")));
        Assert.Empty(cut.FindComponents<MudBlazor.MudRadio<string>>());
    }
}
