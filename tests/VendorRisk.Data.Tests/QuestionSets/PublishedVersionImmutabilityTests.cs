using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;

namespace VendorRisk.Data.Tests.QuestionSets;

/// <summary>A published version is frozen by the DbContext guard and, below it, by a trigger (SQLite and PostgreSQL alike).</summary>
public sealed class PublishedVersionImmutabilityTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _publishedId;
    private int _draftId;

    public async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var set = new QuestionSet { Key = "immutable-set", Title = "Immutable", CreatedAt = DateTime.UtcNow };
        var published = Version(set, 1, VersionStatus.Published);
        var draft = Version(set, 2, VersionStatus.Draft);
        db.AddRange(set, published, draft);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        (_publishedId, _draftId) = (published.Id, draft.Id);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Changing_the_content_of_a_published_version_through_the_DbContext_fails()
    {
        await using var db = NewContext();
        var version = await db.QuestionSetVersions.SingleAsync(v => v.Id == _publishedId, TestContext.Current.CancellationToken);
        version.ContentJson = """{"tampered":true}""";

        await Assert.ThrowsAsync<PublishedVersionImmutableException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal("{}", await StoredContentAsync(_publishedId));
    }

    [Fact]
    public async Task Turning_a_published_version_back_into_a_draft_through_the_DbContext_fails()
    {
        await using var db = NewContext();
        var version = await db.QuestionSetVersions.SingleAsync(v => v.Id == _publishedId, TestContext.Current.CancellationToken);
        version.Status = VersionStatus.Draft;

        await Assert.ThrowsAsync<PublishedVersionImmutableException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Deleting_a_published_version_through_the_DbContext_fails()
    {
        await using var db = NewContext();
        var version = await db.QuestionSetVersions.SingleAsync(v => v.Id == _publishedId, TestContext.Current.CancellationToken);
        db.QuestionSetVersions.Remove(version);

        await Assert.ThrowsAsync<PublishedVersionImmutableException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_raw_SQL_update_of_a_published_version_is_stopped_by_the_trigger()
    {
        await using var db = NewContext();

        var ex = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(
            """UPDATE "QuestionSetVersions" SET "ContentJson" = {0} WHERE "Id" = {1}""", ["""{"tampered":true}""", _publishedId], TestContext.Current.CancellationToken));

        Assert.Contains("cannot be changed", ex.Message, StringComparison.Ordinal);
        Assert.Equal("{}", await StoredContentAsync(_publishedId));
    }

    [Fact]
    public async Task A_raw_SQL_delete_of_a_published_version_is_stopped_by_the_trigger()
    {
        await using var db = NewContext();

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "QuestionSetVersions" WHERE "Id" = {0}""", [_publishedId], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Retiring_a_published_version_is_allowed()
    {
        await using var db = NewContext();
        var version = await db.QuestionSetVersions.SingleAsync(v => v.Id == _publishedId, TestContext.Current.CancellationToken);
        version.Status = VersionStatus.Retired;
        version.RetiredAt = DateTime.UtcNow;

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await using var check = NewContext();
        Assert.Equal(VersionStatus.Retired, (await check.QuestionSetVersions.SingleAsync(v => v.Id == _publishedId, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task A_draft_can_still_be_changed()
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync(
            """UPDATE "QuestionSetVersions" SET "ContentJson" = {0} WHERE "Id" = {1}""", ["""{"edited":true}""", _draftId], TestContext.Current.CancellationToken);

        Assert.Equal("""{"edited":true}""", await StoredContentAsync(_draftId));
    }

    [Fact]
    public async Task A_save_detects_changes_once_and_hands_automatic_detection_back_after_it_whether_it_succeeds_or_fails()
    {
        await using var db = NewContext();
        var cancellationToken = TestContext.Current.CancellationToken;
        var draft = await db.QuestionSetVersions.SingleAsync(v => v.Id == _draftId, cancellationToken);
        draft.ContentJson = """{"detected":true}""";

        await db.SaveChangesAsync(cancellationToken);
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Equal("""{"detected":true}""", await StoredContentAsync(_draftId));

        var published = await db.QuestionSetVersions.SingleAsync(v => v.Id == _publishedId, cancellationToken);
        published.ContentJson = """{"tampered":true}""";
        await Assert.ThrowsAsync<PublishedVersionImmutableException>(() => db.SaveChangesAsync(cancellationToken));
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        Assert.Throws<PublishedVersionImmutableException>(() => db.SaveChanges());
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
    }

    private VendorRiskDbContext NewContext() => _database.CreateContext();

    private async Task<string> StoredContentAsync(int id)
    {
        await using var db = NewContext();
        return await db.QuestionSetVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.ContentJson).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static QuestionSetVersion Version(QuestionSet set, int number, VersionStatus status) => new()
    {
        QuestionSet = set,
        Number = number,
        Status = status,
        Title = "Immutable",
        ContentJson = "{}",
        CreatedBy = "test",
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
        PublishedAt = status == VersionStatus.Published ? DateTime.UtcNow : null,
        PublishedBy = status == VersionStatus.Published ? "test" : null,
    };
}
