using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>Saves that stay on their way until the test finishes them, one by one.</summary>
internal sealed class HeldSaves
{
    private readonly List<TaskCompletionSource<SavedAnswer>> _pending = [];

    public List<AnswerInput> Inputs { get; } = [];

    public Task<SavedAnswer> Save(AnswerInput input)
    {
        Inputs.Add(input);
        _pending.Add(new TaskCompletionSource<SavedAnswer>());
        // A save a failed test never finishes still ends, so that disposing the editor does not hang.
        return _pending[^1].Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void Finish(int index, int version) =>
        _pending[index].SetResult(new SavedAnswer(Inputs[index].Value.QuestionKey, version, false, "Me", DateTime.UtcNow));
}
