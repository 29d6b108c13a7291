namespace VendorRisk.Web.Infrastructure.UseCases;

public static class UniqueSave
{
    /// <summary>
    /// Saves a change guarded by a concurrency token and a unique index: a lost race on the token is a conflict, and
    /// two people saving the same name at once leave the loser with the validator's own error on <paramref name="field"/>.
    /// </summary>
    public static async Task SaveAsync(VendorRiskDbContext db, string conflictMessage, string field, string duplicateMessage,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(conflictMessage);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex))
        {
            throw new ValidationFailedException(field, duplicateMessage);
        }
    }
}
