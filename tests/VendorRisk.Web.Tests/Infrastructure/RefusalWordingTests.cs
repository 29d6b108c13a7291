namespace VendorRisk.Web.Tests.Infrastructure;

public sealed class RefusalWordingTests
{
    [Fact]
    public void Refusals_read_as_sentences_without_field_ids_and_say_each_thing_once()
    {
        var ex = new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["email"] = ["enter a valid email address"],
            ["password"] = ["Use at least 12 characters.", "Use at least 12 characters."],
        });

        Assert.Equal("Enter a valid email address. Use at least 12 characters.", ex.Sentences);
    }
}
