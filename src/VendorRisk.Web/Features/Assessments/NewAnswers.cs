namespace VendorRisk.Web.Features.Assessments;

/// <summary>Answers a use case creates on a new assessment (pre-fill, reassessment): version 1, by the actor, now.</summary>
internal static class NewAnswers
{
    public static Answer FirstVersion(string questionKey, AnswerValue value, UseCaseContext context)
    {
        var answer = new Answer
        {
            QuestionKey = questionKey,
            Version = 1,
            UpdatedById = context.Actor.UserId,
            UpdatedByName = context.Actor.Name,
            UpdatedAt = context.Now,
        };
        answer.Apply(value);
        return answer;
    }
}
