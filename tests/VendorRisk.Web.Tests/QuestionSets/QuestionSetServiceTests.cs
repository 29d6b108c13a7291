using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;

namespace VendorRisk.Web.Tests.QuestionSets;

public sealed class QuestionSetServiceTests : IAsyncLifetime
{
    private const string DefaultSet = "frontier-ai-buyer-checklist";
    /// <summary>The shipped default is version 2; version 1, shipped before it, is retired.</summary>
    private const int Published = 2;
    private QuestionSetTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await QuestionSetTestHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_seed_file_validates()
    {
        var files = Directory.GetFiles(QuestionSetFiles.SeedFolder, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var result = QuestionSetFormat.Parse(File.ReadAllBytes(file));
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: {string.Join("; ", result.Errors)}");
        }
    }

    [Fact]
    public async Task A_fresh_database_has_every_shipped_version_of_the_default_set_the_current_one_published_and_a_second_start_adds_nothing()
    {
        var sets = await _host.Service.ListAsync(TestContext.Current.CancellationToken);
        var checklist = Assert.Single(sets, s => s.Key == DefaultSet);
        Assert.Equal([(2, VersionStatus.Published), (1, VersionStatus.Retired)], checklist.Versions.Select(v => (v.Number, v.Status)));
        var before = (await _host.VersionCountAsync(), await _host.AuditCountAsync());

        await _host.RunStartupTasksAsync();

        Assert.Equal(before, (await _host.VersionCountAsync(), await _host.AuditCountAsync()));
    }

    [Fact]
    public async Task Importing_a_new_key_creates_a_draft_version_1_and_audits_it()
    {
        var audits = await _host.AuditCountAsync();

        var imported = await _host.Service.ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Valid()), TestContext.Current.CancellationToken);

        Assert.Equal(("test-set", 1), (imported.Key, imported.Version));
        var detail = await _host.Service.GetVersionAsync("test-set", 1, TestContext.Current.CancellationToken);
        Assert.Equal(VersionStatus.Draft, detail.Version.Status);
        Assert.Equal("Ada Admin", detail.Version.CreatedBy);
        Assert.Equal(2, detail.Definition.AllQuestions.Count());
        Assert.Equal(audits + 1, await _host.AuditCountAsync());
    }

    [Fact]
    public async Task An_invalid_import_is_refused_with_every_error_by_JSON_path_and_stores_nothing()
    {
        var before = (await _host.VersionCountAsync(), await _host.AuditCountAsync());

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _host.Service.ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Invalid), TestContext.Current.CancellationToken));

        Assert.Contains("$.key", ex.Errors.Keys);
        Assert.Contains("$.colour", ex.Errors.Keys);
        Assert.Contains("$.sections[0].questions[0].options", ex.Errors.Keys);
        Assert.All(ex.Errors.Keys, path => Assert.StartsWith("$", path, StringComparison.Ordinal));
        Assert.Equal(before, (await _host.VersionCountAsync(), await _host.AuditCountAsync()));
    }

    [Fact]
    public async Task A_file_over_2_MiB_is_refused_before_parsing()
    {
        var huge = new byte[QuestionSetLimits.MaxFileBytes + 1];
        Array.Fill(huge, (byte)' ');

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Service.ImportAsync(huge, TestContext.Current.CancellationToken));

        Assert.Contains("2 MiB", Assert.Single(ex.Errors["$"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_an_existing_key_creates_the_next_version_and_a_second_import_is_refused_naming_the_draft()
    {
        var exported = await _host.Service.ExportAsync(DefaultSet, cancellationToken: TestContext.Current.CancellationToken);

        var imported = await _host.Service.ImportAsync(exported.Content, TestContext.Current.CancellationToken);
        var before = await _host.VersionCountAsync();
        var ex = await Assert.ThrowsAsync<ConflictException>(() => _host.Service.ImportAsync(exported.Content, TestContext.Current.CancellationToken));

        Assert.Equal(3, imported.Version);
        Assert.Contains("already has a draft: version 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _host.VersionCountAsync());
    }

    [Fact]
    public async Task Export_then_import_gives_equal_content()
    {
        var original = await _host.Service.GetVersionAsync(DefaultSet, 1, TestContext.Current.CancellationToken);
        var exported = await _host.Service.ExportAsync(DefaultSet, 1, TestContext.Current.CancellationToken);

        var imported = await _host.Service.ImportAsync(exported.Content, TestContext.Current.CancellationToken);
        var copy = await _host.Service.GetVersionAsync(DefaultSet, imported.Version, TestContext.Current.CancellationToken);

        Assert.True(original.Definition.ContentEquals(copy.Definition));
        Assert.Equal($"{DefaultSet}-v1.json", exported.FileName);
    }

    [Fact]
    public async Task Publishing_a_draft_retires_the_previously_published_version()
    {
        var draft = await _host.Service.CreateDraftFromAsync(DefaultSet, Published, TestContext.Current.CancellationToken);

        await _host.Service.PublishAsync(DefaultSet, draft.Version, TestContext.Current.CancellationToken);

        var set = (await _host.Service.ListAsync(TestContext.Current.CancellationToken)).Single(s => s.Key == DefaultSet);
        Assert.Equal(VersionStatus.Published, set.Versions.Single(v => v.Number == 3).Status);
        Assert.Equal(VersionStatus.Retired, set.Versions.Single(v => v.Number == Published).Status);
        Assert.Equal(Published, set.Versions.Single(v => v.Number == 3).SourceNumber);
        var offered = (await _host.Service.PublishedVersionsAsync(TestContext.Current.CancellationToken)).Single(v => v.Key == DefaultSet);
        Assert.Equal(3, offered.Number);
    }

    [Fact]
    public async Task A_published_version_cannot_be_saved_or_published_again()
    {
        var published = await _host.Service.GetVersionAsync(DefaultSet, Published, TestContext.Current.CancellationToken);
        var document = QuestionSetFormat.ToDocument(published.Definition, Published);

        await Assert.ThrowsAsync<ConflictException>(() => _host.Service.SaveDraftAsync(published.Version.Id, document, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ConflictException>(() => _host.Service.PublishAsync(DefaultSet, Published, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Saving_a_draft_validates_and_refuses_a_changed_key()
    {
        var draft = await _host.Service.ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Valid()), TestContext.Current.CancellationToken);
        var document = QuestionSetFormat.ToDocument((await _host.Service.GetVersionAsync("test-set", 1, TestContext.Current.CancellationToken)).Definition, 1);

        document.Key = "another-key";
        document.Sections![0].Questions![0].Text = "";
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Service.SaveDraftAsync(draft.VersionId, document, TestContext.Current.CancellationToken));
        Assert.Contains("$.key", ex.Errors.Keys);
        Assert.Contains("$.sections[0].questions[0].text", ex.Errors.Keys);

        document.Key = "test-set";
        document.Sections[0].Questions![0].Text = "Is there a written policy?";
        await _host.Service.SaveDraftAsync(draft.VersionId, document, TestContext.Current.CancellationToken);
        var saved = await _host.Service.GetVersionAsync("test-set", 1, TestContext.Current.CancellationToken);
        Assert.Equal("Is there a written policy?", saved.Definition.Sections[0].Questions[0].Text);
    }

    [Fact]
    public async Task The_diff_of_a_draft_shows_added_removed_and_changed_questions_against_its_source()
    {
        var draft = await _host.Service.CreateDraftFromAsync(DefaultSet, Published, TestContext.Current.CancellationToken);
        var document = QuestionSetFormat.ToDocument((await _host.Service.GetVersionAsync(DefaultSet, draft.Version, TestContext.Current.CancellationToken)).Definition, draft.Version);
        var questions = document.Sections![0].Questions!;
        var removedKey = questions[^1].Key!;
        questions.RemoveAt(questions.Count - 1);
        questions[0].Weight = 5;
        questions.Add(new QuestionDocument { Key = "brand-new", Text = "A new question", Type = "text" });
        await _host.Service.SaveDraftAsync(draft.VersionId, document, TestContext.Current.CancellationToken);

        var diff = await _host.Service.DiffAsync(DefaultSet, draft.Version, TestContext.Current.CancellationToken);

        Assert.Equal(Published, diff.SourceNumber);
        Assert.Equal("brand-new", Assert.Single(diff.Diff.Added).Key);
        Assert.Equal(removedKey, Assert.Single(diff.Diff.Removed).Key);
        Assert.Contains(diff.Diff.Changed, c => c.Key == questions[0].Key && c.Changes.Any(d => d.StartsWith("weight", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retiring_leaves_no_published_version_and_export_without_a_version_is_then_not_found()
    {
        await _host.Service.RetireAsync(DefaultSet, Published, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(await _host.Service.PublishedVersionsAsync(TestContext.Current.CancellationToken), v => v.Key == DefaultSet);
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Service.ExportAsync(DefaultSet, cancellationToken: TestContext.Current.CancellationToken));
        Assert.NotEmpty((await _host.Service.ExportAsync(DefaultSet, 1, TestContext.Current.CancellationToken)).Content);
    }

    [Fact]
    public async Task Deleting_the_only_draft_of_a_new_set_deletes_the_set()
    {
        await _host.Service.ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Valid()), TestContext.Current.CancellationToken);

        await _host.Service.DeleteDraftAsync("test-set", 1, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(await _host.Service.ListAsync(TestContext.Current.CancellationToken), s => s.Key == "test-set");
        await Assert.ThrowsAsync<ConflictException>(() => _host.Service.DeleteDraftAsync(DefaultSet, 1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_viewer_can_read_but_every_change_is_refused_and_nothing_changes()
    {
        var draft = await _host.Service.CreateDraftFromAsync(DefaultSet, 1, TestContext.Current.CancellationToken);
        var before = (await _host.VersionCountAsync(), await _host.AuditCountAsync());
        _host.User.Actor = FakeCurrentUser.Viewer;
        var service = _host.Service;

        Assert.NotEmpty(await service.ListAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty((await service.ExportAsync(DefaultSet, 1, TestContext.Current.CancellationToken)).Content);
        await Assert.ThrowsAsync<ForbiddenException>(() => service.ImportAsync(QuestionSetFiles.Bytes(QuestionSetFiles.Valid()), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.PublishAsync(DefaultSet, draft.Version, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.RetireAsync(DefaultSet, 1, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.DeleteDraftAsync(DefaultSet, draft.Version, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateSetAsync("viewer-set", "Viewer set", TestContext.Current.CancellationToken));

        Assert.Equal(before, (await _host.VersionCountAsync(), await _host.AuditCountAsync()));
        var status = await _host.QueryAsync(db => db.QuestionSetVersions.Where(v => v.Number == draft.Version && v.QuestionSet.Key == DefaultSet).Select(v => v.Status).SingleAsync());
        Assert.Equal(VersionStatus.Draft, status);
    }

    [Fact]
    public async Task Creating_a_set_starts_a_valid_draft_and_refuses_a_taken_key()
    {
        var created = await _host.Service.CreateSetAsync("my-new-set", "My new set", TestContext.Current.CancellationToken);

        Assert.Equal(("my-new-set", 1), (created.Key, created.Version));
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => _host.Service.CreateSetAsync(DefaultSet, "Again", TestContext.Current.CancellationToken));
        Assert.Contains("$.key", ex.Errors.Keys);
    }
}
