using FluentValidation;

namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>A read of one page of a list by offset.</summary>
public interface IPageQuery : IQuery
{
    int Skip { get; }
    int Take { get; }
}

/// <summary>
/// The one paging check of the offset-paged list reads (pages and the API check their own parameters first; this
/// refuses forged values): one error on <c>field</c> unless the offset is 0 or more and the page holds 1 to
/// <c>maxTake</c> items.
/// </summary>
public abstract class PageQueryValidator<TQuery> : AbstractValidator<TQuery> where TQuery : IPageQuery
{
    protected PageQueryValidator(int maxTake, string field, string message) =>
        RuleFor(q => q).Must(q => q.Skip >= 0 && q.Take >= 1 && q.Take <= maxTake).WithMessage(message).OverridePropertyName(field);
}
