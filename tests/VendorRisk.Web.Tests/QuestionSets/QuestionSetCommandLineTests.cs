using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Cli;

namespace VendorRisk.Web.Tests.QuestionSets;

/// <summary>The <c>question-sets</c> command group through the dispatcher, in-process, on a temp database.</summary>
public sealed class QuestionSetCommandLineTests : IAsyncLifetime
{
    private QuestionSetTestHost _host = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("vr-cli-").FullName;

    public async ValueTask InitializeAsync() => _host = await QuestionSetTestHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Validate_prints_valid_and_exits_0_for_a_valid_file()
    {
        var code = await _host.RunCommandAsync("question-sets", "validate", WriteFile("ok.json", QuestionSetFiles.Valid()));

        Assert.Equal(0, code);
        Assert.Equal("valid", _host.Out.ToString().Trim());
    }

    [Theory]
    [InlineData("frontier-ai-buyer-checklist.json")]
    [InlineData("vendor-quick-screen.json")]
    [InlineData("history/frontier-ai-buyer-checklist.v1.json")]
    [InlineData("history/vendor-quick-screen.v1.json")]
    public async Task Validate_passes_on_every_shipped_default_set(string file)
    {
        var code = await _host.RunCommandAsync("question-sets", "validate", Path.Combine(QuestionSetFiles.SeedFolder, file));

        Assert.Equal(0, code);
        Assert.Equal("valid", _host.Out.ToString().Trim());
    }

    [Fact]
    public async Task Validate_prints_one_line_per_error_with_its_path_on_stdout_and_exits_1()
    {
        var code = await _host.RunCommandAsync("question-sets", "validate", WriteFile("bad.json", QuestionSetFiles.Invalid));

        Assert.Equal(1, code);
        var lines = _host.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("$.key: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.colour: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.sections[0].questions[0].options: ", StringComparison.Ordinal));
        Assert.Empty(_host.Error.ToString());
    }

    [Fact]
    public async Task Import_prints_key_and_version_of_the_new_draft()
    {
        var code = await _host.RunCommandAsync("question-sets", "import", WriteFile("ok.json", QuestionSetFiles.Valid()));

        Assert.Equal(0, code);
        Assert.Equal("test-set 1", _host.Out.ToString().Trim());
        var status = (await _host.Service.GetVersionAsync("test-set", 1, TestContext.Current.CancellationToken)).Version.Status;
        Assert.Equal(VersionStatus.Draft, status);
    }

    [Fact]
    public async Task Import_of_an_invalid_file_exits_1_with_the_errors_on_stderr_and_stores_nothing()
    {
        var before = await _host.VersionCountAsync();

        var code = await _host.RunCommandAsync("question-sets", "import", WriteFile("bad.json", QuestionSetFiles.Invalid));

        Assert.Equal(1, code);
        Assert.Contains("$.key: ", _host.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_host.Out.ToString());
        Assert.Equal(before, await _host.VersionCountAsync());
    }

    [Fact]
    public async Task Import_while_a_draft_exists_exits_1_naming_the_draft()
    {
        var file = WriteFile("ok.json", QuestionSetFiles.Valid());
        await _host.RunCommandAsync("question-sets", "import", file);

        var code = await _host.RunCommandAsync("question-sets", "import", file);

        Assert.Equal(1, code);
        Assert.Contains("already has a draft: version 1", _host.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_then_export_writes_the_published_version_to_the_file()
    {
        await _host.RunCommandAsync("question-sets", "import", WriteFile("ok.json", QuestionSetFiles.Valid()));

        Assert.Equal(0, await _host.RunCommandAsync("question-sets", "publish", "test-set", "1"));
        var target = Path.Combine(_folder, "out.json");
        Assert.Equal(0, await _host.RunCommandAsync("question-sets", "export", "test-set", target));

        Assert.Contains("\"version\": 1", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Equal(0, await _host.RunCommandAsync("question-sets", "validate", target));
    }

    [Fact]
    public async Task Export_with_a_version_option_writes_that_version()
    {
        var target = Path.Combine(_folder, "v1.json");

        var code = await _host.RunCommandAsync("question-sets", "export", "frontier-ai-buyer-checklist", "--version", "1", target);

        Assert.Equal(0, code);
        Assert.True(File.Exists(target));
    }

    [Fact]
    public async Task Export_of_a_set_without_a_published_version_exits_1()
    {
        await _host.RunCommandAsync("question-sets", "import", WriteFile("ok.json", QuestionSetFiles.Valid()));

        var code = await _host.RunCommandAsync("question-sets", "export", "test-set", Path.Combine(_folder, "none.json"));

        Assert.Equal(1, code);
        Assert.Contains("no published version", _host.Error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "none.json")));
    }

    [Fact]
    public async Task A_missing_file_exits_1()
    {
        var code = await _host.RunCommandAsync("question-sets", "validate", Path.Combine(_folder, "missing.json"));

        Assert.Equal(1, code);
        Assert.Contains("File not found", _host.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("question-sets", "publish", "test-set", "0")]
    [InlineData("question-sets", "export", "test-set", "--version", "-2", "x.json")]
    public async Task A_version_below_1_is_a_value_out_of_range_and_exits_1(params string[] args)
    {
        var code = await _host.RunCommandAsync(args);

        Assert.Equal(AdminCommandLine.Refused, code);
        Assert.Contains("versions start at 1", _host.Error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_host.Out.ToString());
    }

    [Theory]
    [InlineData("question-sets")]
    [InlineData("question-sets", "frobnicate")]
    [InlineData("question-sets", "validate")]
    [InlineData("question-sets", "publish", "test-set")]
    [InlineData("question-sets", "publish", "test-set", "one")]
    [InlineData("question-sets", "export", "test-set", "--version")]
    [InlineData("question-sets", "export", "test-set", "--colour", "red", "x.json")]
    [InlineData("no-such-group")]
    public async Task A_usage_error_exits_2_with_a_message_on_stderr(params string[] args)
    {
        var code = await _host.RunCommandAsync(args);

        Assert.Equal(AdminCommandLine.UsageError, code);
        Assert.NotEmpty(_host.Error.ToString());
        Assert.Empty(_host.Out.ToString());
    }
}
