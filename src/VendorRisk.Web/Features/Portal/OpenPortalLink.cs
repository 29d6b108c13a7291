namespace VendorRisk.Web.Features.Portal;

/// <summary>A portal link's token, opened from <see cref="From"/> (the address the audit names).</summary>
public sealed record OpenPortalLinkRequest(string Token, string? From) : IUseCase<OpenedPortalLink>, IActorLoadedByHandler;

/// <summary>The link's invitation and what it allows; no invitation when the token names none.</summary>
public sealed record OpenedPortalLink(int? InvitationId, InvitationStatus? Status)
{
    public static readonly OpenedPortalLink Unknown = new(null, null);
}

/// <summary>
/// Opens a link as its invitation: a revoked or expired one is refused (a security event), an active one is marked
/// opened. Either is audited under the invitation.
/// </summary>
public sealed class OpenPortalLinkHandler : IUseCaseHandler<OpenPortalLinkRequest, OpenedPortalLink>
{
    public const string OpenedAction = "portal-opened";
    public const string RefusedAction = "portal-link-refused";

    public async Task<OpenedPortalLink> HandleAsync(OpenPortalLinkRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var hash = PortalTokens.Hash(request.Token);
        var invitation = await context.Db.PortalInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !PortalTokens.Matches(invitation.TokenHash, request.Token))
            return OpenedPortalLink.Unknown;

        context.ActAs(PortalActor.Of(invitation));
        var status = InvitationStatuses.Of(invitation, context.Now);
        if (status is InvitationStatus.Revoked or InvitationStatus.Expired)
        {
            context.Audit(RefusedAction, AuditEntityTypes.PortalInvitation, invitation.Id,
                $"A {KebabEnum.ToKebab(status)} portal link was opened from {request.From}", null, null, securityEvent: true);
            return new OpenedPortalLink(invitation.Id, status);
        }

        invitation.OpenedAt ??= context.Now;
        context.Audit(OpenedAction, AuditEntityTypes.PortalInvitation, invitation.Id, $"Portal link opened from {request.From}", null, null);
        return new OpenedPortalLink(invitation.Id, status);
    }
}
