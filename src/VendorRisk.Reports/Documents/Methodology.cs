namespace VendorRisk.Reports.Documents;

/// <summary>The plain-words explanation of scoring.md, shared by both reports.</summary>
internal static class Methodology
{
    public static IEnumerable<Element> Appendix(IReadOnlyList<RatingBandModel> bands, string? knockoutRating, bool comparison)
    {
        yield return new Heading("Appendix — How the score is calculated", Theme.H1);
        yield return P("A score runs from 0 to 100, and higher is better: a stronger vendor posture and a lower risk to the buyer. " +
                       "Every figure in this report can be recomputed by hand from the answers.");
        yield return new Heading("1. Each question", Theme.H2);
        yield return new BulletList(
        [
            Item("Each answered question gets an answer fraction p between 0 and 1. For a single-choice question, p is the score of the chosen option divided by the best option's score. For a multiple-choice question, p is the sum of the chosen options' scores divided by the question's maximum (at most 1). For a number, p comes from the band the value falls in."),
            Item("An unanswered question counts as p = 0 and still counts in the total: silence is not assurance."),
            Item("A question marked not applicable (only where the question set allows it, always with a written justification) is left out entirely."),
            Item("A question with weight 0 is shown but never moves a score; free-text questions are never scored."),
        ], Theme.Strong);
        yield return new Heading("2. Each section", Theme.H2);
        yield return P("The section score is 100 × (sum of weight × p) ÷ (sum of weights), over the section's scored, applicable questions. " +
                       "A section where nothing can be scored has no score (shown “—”, never 0) and is left out of the overall score.");
        yield return new Heading("3. The overall score", Theme.H2);
        yield return P("The overall score is the weighted average of the section scores, using the section weights. " +
                       "It is computed at full precision and only rounded for display, to one decimal. The rating uses the unrounded value, so a score shown as 60.0 can still fall just below a band that starts at 60.");
        yield return new Heading("4. Rating and knockouts", Theme.H2);
        yield return P("The rating is the best band whose minimum score the overall score reaches. The bands used are:");
        var table = new Table(TableColumn.Fixed(16), TableColumn.Relative(2), TableColumn.Relative(3, TextAlign.Right)).WithHeader("", "Rating", "Minimum score");
        foreach (var band in bands.OrderByDescending(b => b.MinScore))
        {
            table.AddRow(TableCell.Of(string.Empty) with { Background = Theme.Parse(band.ColorHex) }, band.Label, ReportFormat.Score(band.MinScore));
        }

        yield return table;
        yield return P("A knockout is a critical question that is applicable and answered below its threshold (an unanswered critical question counts as 0). " +
                       "Whatever the weights, a knockout caps the rating: the rating becomes the worse of the band rating and the knockout rating" +
                       (string.IsNullOrWhiteSpace(knockoutRating) ? " (the second-worst band unless the question set says otherwise)." : $" ({knockoutRating}).") +
                       " Every knockout is named next to the rating, so a good score never hides a failed critical control.");
        yield return new Heading("5. Figures shown beside the score", Theme.H2);
        yield return new BulletList(
        [
            Item("Completeness: the share of scored questions that are answered or marked not applicable."),
            Item("Evidence strength (0–100): the average strength of the evidence behind the answered questions — independent test 100, contract 75, public documentation 50, vendor attestation 25, none 0 — halved when the evidence is more than a year older than the assessment. It never changes the score; it says how far to trust it."),
        ], Theme.Strong);
        if (comparison)
        {
            yield return new Heading("6. Comparing vendors", Theme.H2);
            yield return new BulletList(
            [
                Item("Vendors are compared on one question set; each is scored on the version it was answered against. Where versions differ, questions are matched by key."),
                Item("Ranking: overall score, highest first; vendors without a score last; ties by vendor name, then model name (the vendor as a whole first). A vendor leads only with a strictly higher score. Two assessments of one vendor are compared only when they assess different model offerings of it."),
                Item("A what-if weighting multiplies each section's weight by a factor between 0 and 5 without changing the question set; when one is used it is named in this report."),
                Item("Cost at scale: every month's volume is the planned tokens times the agentic factor, grown by the monthly growth; month 12 also takes the peak factor. A month costs its input (cached input at the cached price), plus its visible and reasoning output at the output price, less the batch discount on the batched share, less the committed-use discount, plus the residency surcharge when in-region processing is required, and never less than the monthly minimum. Twelve months is the sum of the twelve. A missing input or output price makes every amount unknown, never 0; any other missing price-card figure falls back to its default and is listed as assumed. Throttling risk means the peak month's real-time tokens a minute (batch traffic excluded), spread over its active hours, exceed the rate limit."),
            ], Theme.Strong);
        }
    }

    private static Paragraph P(string text) => new(text, Theme.Text) { SpaceAfter = 6 };

    private static IReadOnlyList<TextRun> Item(string text) => [new TextRun(text, Theme.Text)];
}
