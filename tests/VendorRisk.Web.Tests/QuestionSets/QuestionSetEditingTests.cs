using VendorRisk.Web.Features.QuestionSets;

namespace VendorRisk.Web.Tests.QuestionSets;

/// <summary>A second, stale click on a row the editor removed a moment ago names a position that is gone: it is ignored.</summary>
public sealed class QuestionSetEditingTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(-1, false)]
    public void An_index_is_a_position_only_inside_the_list(int index, bool inside) =>
        Assert.Equal(inside, QuestionSetEditing.IsIndexOf(new List<string> { "a", "b", "c" }, index));

    [Fact]
    public void Moving_from_a_position_that_is_gone_changes_nothing()
    {
        var list = new List<string> { "a", "b" };

        Assert.False(QuestionSetEditing.Move(list, 2, -1));
        Assert.False(QuestionSetEditing.Move(list, 1, 1));
        Assert.Equal(["a", "b"], list);
        Assert.True(QuestionSetEditing.Move(list, 1, -1));
        Assert.Equal(["b", "a"], list);
    }
}
