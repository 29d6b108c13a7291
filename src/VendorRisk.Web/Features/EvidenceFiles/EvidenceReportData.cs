using VendorRisk.Reports.Models;

namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>Puts each question's evidence files (name, date, SHA-256) into the assessment report.</summary>
public sealed class EvidenceReportData(EvidenceFileQueries files)
{
    public async Task<AssessmentReportModel> AddToAsync(AssessmentReportModel model, int assessmentId, CancellationToken cancellationToken)
    {
        var attached = await files.ListAsync(assessmentId, cancellationToken: cancellationToken);
        if (attached.Count == 0)
            return model;
        var byQuestion = attached.Where(f => f.QuestionKey is not null).ToLookup(f => f.QuestionKey!, StringComparer.Ordinal);
        return model with
        {
            Sections = model.Sections.Select(s => s with
            {
                Questions = s.Questions.Select(q => byQuestion.Contains(q.Key)
                    ? q with { Files = byQuestion[q.Key].Select(f => new EvidenceFileModel(f.Name, DateOnly.FromDateTime(f.UploadedAt), f.Sha256, f.ValidUntil)).ToList() }
                    : q).ToList(),
            }).ToList(),
        };
    }
}
