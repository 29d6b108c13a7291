using FluentValidation;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Configurations;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Findings;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Portal;

/// <summary>Invite a vendor contact to answer a draft through the response portal.</summary>
/// <param name="BaseUri">Where the app is reached (the inviting page's base address), unless <c>VendorRisk:Portal:PublicBaseUrl</c> is set.</param>
public sealed record InviteVendorRequest
{
    public int AssessmentId { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    public int Days { get; init; } = PortalLimits.DefaultDays;
    public string BaseUri { get; init; } = "";
}

public sealed class InviteVendorValidator : AbstractValidator<InviteVendorRequest>
{
    public InviteVendorValidator()
    {
        RuleFor(r => r.ContactName).Cascade(CascadeMode.Stop)
            .Must(n => TextRules.CleanName(n).Length > 0).WithMessage("Name the vendor's contact.")
            .Must(n => TextRules.CleanName(n).Length <= PortalLimits.ContactNameMaxLength).WithMessage($"Use at most {PortalLimits.ContactNameMaxLength} characters.");
        RuleFor(r => r.ContactEmail).Cascade(CascadeMode.Stop)
            .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Give the contact's e-mail address.")
            .Must(e => e.Trim().Length <= PortalLimits.ContactEmailMaxLength).WithMessage($"Use at most {PortalLimits.ContactEmailMaxLength} characters.")
            .Must(BeAnEmailAddress).WithMessage("This is not an e-mail address.");
        RuleFor(r => r.Days)
            .InclusiveBetween(PortalLimits.MinDays, PortalLimits.MaxDays)
            .WithMessage($"A link lasts {PortalLimits.MinDays} to {PortalLimits.MaxDays} days.");
        RuleFor(r => r.BaseUri)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("The app's address is not known.");
    }

    private static bool BeAnEmailAddress(string email) =>
        System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim()
        && !email.Any(char.IsControl) && address.Host.Contains('.', StringComparison.Ordinal);
}

public sealed class PortalOptions
{
    public const string Section = "VendorRisk:Portal";

    /// <summary>The address vendors reach the app at (for links in mails); empty: the inviting page's own address.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>Link openings a minute from one client address, right or wrong (guessing tokens is slowed to this).</summary>
    public int OpeningsPerMinute { get; set; } = 100;
    /// <summary>Portal requests a minute on one link (autosaves included).</summary>
    public int RequestsPerMinutePerLink { get; set; } = 300;
    /// <summary>How long the portal cookie lasts without use.</summary>
    public int SessionMinutes { get; set; } = 60;
}

/// <summary>
/// Only someone who may edit the draft (its assessor or an Admin, docs/decisions/0009) invites; the link's token
/// is returned once and stored as its hash.
/// </summary>
public sealed class InviteVendorHandler(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    InviteVendorValidator validator,
    Microsoft.Extensions.Options.IOptions<PortalOptions> options,
    TimeProvider clock)
{
    public const string Action = "portal-invitation-created";

    public async Task<CreatedInvitation> HandleAsync(InviteVendorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = await currentUser.RequireAsync(Roles.Assessor, "invite vendors to the portal", cancellationToken);
        await validator.ThrowIfInvalidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAssessmentAsync(request.AssessmentId, cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        if (!AssessmentService.CanEditDraft(actor, assessment.AssessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may invite its vendor.");
        if (assessment.Status != AssessmentStatus.Draft)
            throw new ConflictException($"This assessment is {KebabEnum.ToKebab(assessment.Status)}; only a draft can take the vendor's answers.");

        var token = PortalTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new PortalInvitation
        {
            AssessmentId = assessment.Id,
            ContactName = TextRules.CleanName(request.ContactName),
            ContactEmail = request.ContactEmail.Trim(),
            TokenHash = PortalTokens.Hash(token),
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.Days),
        };
        db.PortalInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        db.Audit(actor, Action, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"{invitation.ContactName} <{invitation.ContactEmail}> invited to answer assessment #{assessment.Id} until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC",
            null, new { assessmentId = assessment.Id, invitation.ContactName, invitation.ContactEmail, invitation.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var baseUri = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? request.BaseUri : options.Value.PublicBaseUrl;
        return new CreatedInvitation(invitation.Id, PortalPaths.Link(baseUri, token), invitation.ExpiresAt);
    }
}
