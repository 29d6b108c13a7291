using FluentValidation;
using VendorRisk.Data.Configurations;
using VendorRisk.Web.Features.Mail;

namespace VendorRisk.Web.Features.Portal;

/// <summary>Invite a vendor contact to answer a draft through the response portal.</summary>
[RequiresRole(Roles.Assessor, "invite vendors to the portal")]
public sealed record InviteVendorRequest : IUseCase<CreatedInvitation>
{
    public int AssessmentId { get; init; }
    public string ContactName { get; init; } = "";
    public string ContactEmail { get; init; } = "";
    public int Days { get; init; } = PortalLimits.DefaultDays;
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
    }

    private static bool BeAnEmailAddress(string email) =>
        System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim()
        && !email.Any(char.IsControl) && address.Host.Contains('.', StringComparison.Ordinal);
}

/// <summary>
/// Only someone who may edit the draft (its assessor or an Admin, docs/decisions/0009) invites; the link's token is
/// returned once and stored as its hash. The invitation mail is queued in the same transaction, its link built from
/// <c>VendorRisk:Mail:PublicBaseUrl</c> (never from the request's Host).
/// </summary>
public sealed class InviteVendorHandler(PortalMails mails) : IUseCaseHandler<InviteVendorRequest, CreatedInvitation>
{
    public const string Action = "portal-invitation-created";

    public async Task<CreatedInvitation> HandleAsync(InviteVendorRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        await db.LockAssessmentAsync(request.AssessmentId, cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Vendor).SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        AssessmentWorkflow.EnsureEditable(assessment.Facts(), context.Actor);

        var token = PortalTokens.NewToken();
        var invitation = new PortalInvitation
        {
            AssessmentId = assessment.Id,
            ContactName = TextRules.CleanName(request.ContactName),
            ContactEmail = request.ContactEmail.Trim(),
            TokenHash = PortalTokens.Hash(token),
            CreatedById = context.Actor.UserId,
            CreatedByName = context.Actor.Name,
            CreatedAt = context.Now,
            ExpiresAt = context.Now.AddDays(request.Days),
        };
        db.PortalInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        context.Audit(Action, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"{invitation.ContactName} <{invitation.ContactEmail}> invited to answer assessment #{assessment.Id} until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC",
            null, new { assessmentId = assessment.Id, invitation.ContactName, invitation.ContactEmail, invitation.ExpiresAt });

        var link = mails.Link(PortalPaths.Open + "/" + token);
        mails.EnqueueInvitation(db, new PortalInvitationMail(invitation.ContactEmail, invitation.ContactName, assessment.Vendor.Name,
            assessment.Title, invitation.CreatedByName, link, invitation.ExpiresAt));
        return new CreatedInvitation(invitation.Id, link.ToString(), invitation.ExpiresAt);
    }
}
