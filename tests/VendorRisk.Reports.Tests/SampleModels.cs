using VendorRisk.Reports.Models;

namespace VendorRisk.Reports.Tests;

/// <summary>Realistic sample models: a frontier-AI vendor assessment with 6 sections × 8 questions.</summary>
public static class SampleModels
{
    public static readonly DateTimeOffset Generated = new(2025, 6, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly (string Title, double Weight, string[] Questions)[] Sections =
    [
        ("Data protection and privacy", 3, [
            "Does the vendor train its models on customer prompts or outputs by default?",
            "Can the customer choose the region where prompts and outputs are processed and stored?",
            "How long are prompts and outputs retained for abuse monitoring?",
            "Is zero data retention available for the customer's workloads?",
            "Are customer data encrypted at rest with customer-managed keys?",
            "Does the vendor sign a data processing agreement aligned with GDPR?",
            "Which sub-processors receive customer data, and is the list published?",
            "How quickly does the vendor notify customers of a personal data breach?"]),
        ("Security and access control", 3, [
            "Does the vendor hold a current SOC 2 Type II report covering the model API?",
            "Is single sign-on with SAML or OIDC supported for the admin console?",
            "Can API keys be scoped to projects and rotated without downtime?",
            "Are administrative actions recorded in an exportable audit log?",
            "Does the vendor run a public bug bounty programme?",
            "How are model weights protected against exfiltration by insiders?",
            "Is penetration testing performed by an independent firm at least yearly?",
            "Does the vendor support private network connectivity to the API?"]),
        ("Model safety and evaluations", 2, [
            "Does the vendor publish a model card for each generally available model?",
            "Are dangerous-capability evaluations run before each frontier release?",
            "Is there a published responsible scaling or frontier safety policy?",
            "Are red-team results shared with enterprise customers under NDA?",
            "How does the vendor mitigate prompt injection in tool-using agents?",
            "Can the customer configure content filtering thresholds?",
            "Are jailbreak reports triaged with a published response time?",
            "Does the vendor provide system-level safeguards for agentic use?"]),
        ("Reliability and operations", 2, [
            "What uptime does the service-level agreement commit to for the API?",
            "Are service credits paid automatically when the SLA is missed?",
            "Is a public status page with incident history maintained?",
            "What are the default rate limits in tokens per minute?",
            "Can capacity be reserved for peak periods?",
            "Are model versions pinned and deprecated with at least six months' notice?",
            "Does the vendor offer regional failover for the API?",
            "Are incident post-mortems shared with enterprise customers?"]),
        ("Legal and commercial terms", 1.5, [
            "Does the vendor indemnify the customer against IP claims on outputs?",
            "Who owns the outputs generated for the customer?",
            "Is liability capped at no less than twelve months of fees?",
            "Can the customer terminate for convenience with 30 days' notice?",
            "Are price changes announced at least 90 days in advance?",
            "What is the monthly minimum commitment in USD?",
            "What is the price per million input tokens?",
            "What is the price per million output tokens?"]),
        ("Governance and transparency", 1, [
            "Does the vendor have an independent board-level safety committee?",
            "Is there a documented process for reporting model misuse?",
            "Does the vendor publish a transparency report at least yearly?",
            "Are usage policies versioned with a public change log?",
            "Has the vendor committed to external pre-deployment testing by a government institute?",
            "Is the vendor's AI governance aligned with ISO/IEC 42001?",
            "Are environmental impacts of training disclosed?",
            "Does the vendor disclose the provenance of its training data?"]),
    ];

    private static readonly string[] Answers =
    [
        "Yes, contractually committed", "Partially — on the enterprise plan only", "No", "Yes, with independent verification",
        "Under 30 days", "Planned for next quarter", "Yes, 99.9 % monthly", "Only on request",
    ];

    private static readonly string?[] Sources = ["Independent test", "Contract", "Public documentation", "Vendor attestation", null];

    public static AssessmentReportModel Assessment(string vendor = "Aurora Frontier Labs", int questionsPerSection = 8, int sectionCount = 6)
    {
        var sections = new List<SectionModel>();
        var qn = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var (title, weight, texts) = Sections[s % Sections.Length];
            var questions = new List<QuestionModel>();
            for (var q = 0; q < questionsPerSection; q++)
            {
                qn++;
                var key = $"{title.Split(' ')[0].ToLowerInvariant()}-{q + 1}" + (s >= Sections.Length || q >= texts.Length ? $"-{qn}" : string.Empty);
                var text = q < texts.Length ? texts[q] : $"{texts[q % texts.Length]} (follow-up {qn})";
                var na = qn % 17 == 5;
                var unanswered = qn % 19 == 7;
                questions.Add(new QuestionModel
                {
                    Key = key,
                    Text = text,
                    AnswerText = na || unanswered ? null : Answers[qn % Answers.Length],
                    P = na || unanswered ? null : (qn * 37 % 100) / 100.0,
                    Weight = 1 + qn % 3,
                    IsCritical = q == 0,
                    Note = qn % 3 == 0 ? "Confirmed in the security review call; the vendor will send the written policy before signature." : null,
                    Evidence = qn % 2 == 0 ? new EvidenceModel(Sources[qn % Sources.Length], new DateOnly(2025, 1 + qn % 12, 1 + qn % 27), "Trust centre, section " + (qn % 9 + 1)) : null,
                    IsNotApplicable = na,
                    NotApplicableJustification = na ? "The buyer does not use this capability in the planned deployment." : null,
                });
            }

            sections.Add(new SectionModel(title + (s >= Sections.Length ? $" ({s + 1})" : string.Empty), weight, 40 + (s * 13 % 55) + 0.25) { Questions = questions });
        }

        var all = sections.SelectMany(x => x.Questions.Select(q => (x.Title, q))).ToList();
        return new AssessmentReportModel
        {
            VendorName = vendor,
            Title = "Annual review 2025",
            IsReviewed = true,
            Recommendation = "Approve with conditions",
            Scope = "General-purpose LLM API for customer-support drafting and internal knowledge search (EU data only).",
            QuestionSet = new QuestionSetRef("frontier-ai-buyer-checklist", "Frontier AI buyer checklist", "3"),
            Assessor = "Maria Keller",
            Reviewer = "Tom Okafor",
            Status = "Approved with conditions",
            CreatedAt = new DateTimeOffset(2025, 5, 12, 8, 0, 0, TimeSpan.Zero),
            SubmittedAt = new DateTimeOffset(2025, 6, 2, 16, 30, 0, TimeSpan.Zero),
            ReviewedAt = new DateTimeOffset(2025, 6, 10, 11, 0, 0, TimeSpan.Zero),
            GeneratedAt = Generated,
            OverallScore = 63.45,
            RatingLabel = "High",
            RatingColorHex = "#D9822B",
            BandRatingLabel = "Moderate",
            KnockoutRatingLabel = "High",
            Knockouts = [new KnockoutModel(all[0].q.Key, all[0].q.Text), new KnockoutModel(all[8].q.Key, all[8].q.Text)],
            Completeness = 91.6667,
            EvidenceStrength = 42.25,
            WeakestQuestions = all.Where(x => x.q.P is not null).OrderBy(x => x.q.P).Take(5)
                .Select(x => new WeakQuestionModel(x.q.Key, x.q.Text, x.Title, x.q.P, x.q.Weight)).ToList(),
            Sections = sections,
            ApprovalConditions = "Zero data retention must be enabled on all production projects before go-live; the vendor sends the SOC 2 bridge letter by 2025-09-30.",
            ReviewComment = "Acceptable for the pilot scope only; reassess before expanding to personal data.",
            RatingBands = Bands,
            TopRisks = all.Where(x => x.q.P is not null).OrderBy(x => x.q.P).Take(5)
                .Select((x, i) => new RiskModel(x.q.Key, x.q.Text.Split(',')[0], x.Title, x.q.AnswerText, "“Full parity across regions”", 4.25 - i * 0.7, i == 0)).ToList(),
        };
    }

    public static IReadOnlyList<RatingBandModel> Bands { get; } =
    [
        new("Low risk", 80, "#2E7D4F"), new("Moderate", 60, "#B8921C"), new("High", 40, "#D9822B"), new("Critical", 0, "#B42318"),
    ];

    public static readonly string[] VendorNames =
    [
        "Aurora Frontier Labs", "Helix Intelligence", "Northwind AI", "Meridian Models", "Quanta Reasoning",
        "Cobalt Cognition", "Lumen Systems", "Vertex Minds", "Solace AI", "Tidewater Labs",
    ];

    public static ComparisonReportModel Comparison(int vendorCount = 5)
    {
        var names = Enumerable.Range(0, vendorCount).Select(i => i < VendorNames.Length ? VendorNames[i] : $"Vendor {i + 1}").ToList();
        var assessment = Assessment();
        var vendors = names.Select((n, i) => new ComparedVendorModel
        {
            VendorName = n,
            QuestionSetVersion = i == 2 ? "2" : "3",
            OverallScore = vendorCount == 0 ? null : 84.05 - i * 6.3,
            RatingLabel = i == 0 ? "Low risk" : i < 3 ? "Moderate" : "High",
            RatingColorHex = i == 0 ? "#2E7D4F" : i < 3 ? "#B8921C" : "#D9822B",
            // The knocked-out vendors score in the Moderate band: their knockouts cap them at High.
            BandRatingLabel = i == 0 ? "Low risk" : "Moderate",
            Knockouts = i >= 3 ? [new KnockoutModel("data-1", "Does the vendor train its models on customer prompts or outputs by default?")] : [],
            Completeness = 100 - i * 2.5,
            EvidenceStrength = 71.3 - i * 7,
            Status = i == 0 ? "Draft" : i == 4 ? "Rejected" : i == 2 ? "Approved with conditions" : "Approved",
            IsApproved = i is not 0 and not 4,
        }).ToList();
        var factors = Enumerable.Range(0, 21).Select(k => Math.Pow(10, -1 + k * 0.1)).ToList();
        return new ComparisonReportModel
        {
            QuestionSetKey = "frontier-ai-buyer-checklist",
            QuestionSetTitle = "Frontier AI buyer checklist",
            PreparedBy = "Maria Keller",
            GeneratedAt = Generated,
            Vendors = vendors,
            SectionMatrix = assessment.Sections.Select((s, si) => new SectionMatrixRowModel(s.Title, s.Weight,
                names.Select((_, i) => si == 5 && i == 1 ? null : (double?)(92 - ((i * 7) + (si * 11)) % 50)).ToList())).ToList(),
            Weighting = new WeightingModel("Security first", assessment.Sections.Select((s, i) => new SectionMultiplierModel(s.Title, i == 1 ? 2 : 1)).ToList()),
            CostProjection = new CostProjectionModel(new WorkloadProfileModel("Support drafting, EU", 1_200_000_000, 300_000_000, 2.5, 1.4),
                names.Select((n, i) => new CostRowModel(n, i == 3 ? null : 9_500m + i * 2_150m, i == 3 ? null : 26_000m + i * 5_000m,
                    i == 3 ? null : 130_500m + i * 28_650m, i == 4 ? null : i % 2 == 0)).ToList()),
            Differences = assessment.Sections.Take(3).Select(s => new SectionDifferencesModel(s.Title,
                s.Questions.Take(3).Select((q, qi) => new QuestionDifferenceModel(q.Key, q.Text,
                    names.Select((_, i) => i == 2 && qi == 2 ? null : Answers[(i + qi) % Answers.Length]).ToList())).ToList())).ToList(),
            RatingBands = Bands,
            CostCurve = new CostCurveModel(factors, names.Select((_, i) => (IReadOnlyList<double?>)factors.Select(f => i == 3 ? null : (double?)((9_500 + i * 2_150) * f + (i == 1 ? 6_000 : 0))).ToList()).ToList()),
            RankStability = "Aurora Frontier Labs leads unless the weight of “Security and access control” falls to × 0.35, when Helix Intelligence would lead.",
        };
    }
}
