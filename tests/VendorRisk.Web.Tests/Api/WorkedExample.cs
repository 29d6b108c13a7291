namespace VendorRisk.Web.Tests.Api;

/// <summary>The question set of scoring.md §6 in the interchange format.</summary>
internal static class WorkedExample
{
    public const string QuestionSetJson = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "worked-example",
          "title": "Worked example of scoring.md",
          "ratingBands": [
            { "label": "Low", "minScore": 80 }, { "label": "Moderate", "minScore": 60 },
            { "label": "High", "minScore": 40 }, { "label": "Critical", "minScore": 0 }
          ],
          "sections": [
            { "key": "a", "title": "Section A", "weight": 3, "questions": [
              { "key": "q1", "text": "Question one", "type": "choice", "weight": 2, "options": [
                { "key": "none", "label": "None", "score": 0 }, { "key": "good", "label": "Good", "score": 3 }, { "key": "best", "label": "Best", "score": 4 } ] },
              { "key": "q2", "text": "Question two", "type": "multi", "weight": 1, "maxScore": 3, "options": [
                { "key": "a", "label": "Option A", "score": 1 }, { "key": "b", "label": "Option B; with a semicolon", "score": 1 }, { "key": "c", "label": "Option C", "score": 2 } ] },
              { "key": "q3", "text": "Question three", "type": "choice", "weight": 1, "critical": true, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] }
            ] },
            { "key": "b", "title": "Section B", "weight": 1, "questions": [
              { "key": "q4", "text": "Question four", "type": "number", "weight": 1, "unit": "days", "bands": [
                { "upTo": 1, "score": 4 }, { "upTo": 5, "score": 3 }, { "score": 0 } ] },
              { "key": "q5", "text": "Question five", "type": "choice", "allowNotApplicable": true, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] }
            ] }
          ]
        }
        """;
}
