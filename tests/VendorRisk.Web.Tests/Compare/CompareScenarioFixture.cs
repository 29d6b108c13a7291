using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Compare;

/// <summary>
/// The real app with four frontier-checklist vendors from the demo answers, a newer draft of one of them,
/// and one quick-screen assessment (another set key).
/// </summary>
public sealed class CompareScenarioFixture : WebAppFixture
{
    public int FrontierVersionId { get; private set; }
    public int NorthwindVendorId { get; private set; }
    public int NorthwindApproved { get; private set; }
    public int NorthwindDraft { get; private set; }
    public int Quillmoor { get; private set; }
    public int Zephyrine { get; private set; }
    public int Lumenfall { get; private set; }
    public int BrackenridgeQuickScreen { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var frontier = await CompareTestData.EnsurePublishedAsync(this, CompareTestData.FrontierKey);
        var quickScreen = await CompareTestData.EnsurePublishedAsync(this, CompareTestData.QuickScreenKey);
        FrontierVersionId = frontier.Id;

        NorthwindVendorId = await CompareTestData.AddVendorAsync(this, "Northwind Cognition");
        NorthwindApproved = await CompareTestData.AddAssessmentAsync(this, NorthwindVendorId, frontier.Id, AssessmentStatus.Approved,
            CompareTestData.DemoAnswers("northwind-cognition-atlas-3-2026"), createdDaysAgo: 150, reviewedDaysAgo: 120, title: "Atlas 3 support copilot");
        NorthwindDraft = await CompareTestData.AddAssessmentAsync(this, NorthwindVendorId, frontier.Id, AssessmentStatus.Draft,
            CompareTestData.DemoAnswers("northwind-cognition-reassessment-2027"), createdDaysAgo: 9, title: "Atlas 3 reassessment");

        Quillmoor = await CompareTestData.AddAssessmentAsync(this, await CompareTestData.AddVendorAsync(this, "Quillmoor AI"), frontier.Id,
            AssessmentStatus.ApprovedWithConditions, CompareTestData.DemoAnswers("quillmoor-ai-quill-2-2026"), createdDaysAgo: 100, reviewedDaysAgo: 72, title: "Quill 2 document processing");
        Zephyrine = await CompareTestData.AddAssessmentAsync(this, await CompareTestData.AddVendorAsync(this, "Zephyrine Intelligence"), frontier.Id,
            AssessmentStatus.Rejected, CompareTestData.DemoAnswers("zephyrine-intelligence-zephyr-ultra-2026"), createdDaysAgo: 200, reviewedDaysAgo: 178, title: "Zephyr Ultra bulk classification");
        Lumenfall = await CompareTestData.AddAssessmentAsync(this, await CompareTestData.AddVendorAsync(this, "Lumenfall Models"), frontier.Id,
            AssessmentStatus.ApprovedWithConditions, CompareTestData.DemoAnswers("lumenfall-models-lumen-large-4-2026"), createdDaysAgo: 75, reviewedDaysAgo: 54, title: "Lumen Large 4 HR assistant");
        BrackenridgeQuickScreen = await CompareTestData.AddAssessmentAsync(this, await CompareTestData.AddVendorAsync(this, "Brackenridge Neural"), quickScreen.Id,
            AssessmentStatus.Approved, CompareTestData.DemoAnswers("brackenridge-neural-quick-screen"), createdDaysAgo: 240, reviewedDaysAgo: 233, title: "First contact screen");
    }
}
