namespace VendorRisk.Web.Features.Shared;

/// <summary>What a refused action says to people: sentences, never field ids such as "email:".</summary>
public static class ErrorText
{
    public static string Of(Exception exception) =>
        exception is ValidationFailedException invalid ? invalid.Sentences : exception.Message;
}
