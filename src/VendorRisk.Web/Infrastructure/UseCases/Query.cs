namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>
/// A read: its type carries <see cref="RequiresRoleAttribute"/> (or the request names its role through
/// <see cref="IChoosesItsRole"/>), and any FluentValidation validator of the type runs before the read. Query services
/// pass one to <see cref="UseCasePipeline.AuthorizeAsync{TQuery}"/> instead of checking the caller's role themselves.
/// </summary>
public interface IQuery;
