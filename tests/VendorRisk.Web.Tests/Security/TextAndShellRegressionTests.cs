using System.Net;
using System.Net.Http.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.JSInterop;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Components.Layout;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>Issue 21 items 7 (look-alike names), 9 (lengths as users count them) and 11 (CSV formulas after white space), over the real API.</summary>
public sealed class TextSecurityRegressionTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Item7_a_zero_width_look_alike_of_an_existing_vendor_name_is_a_duplicate()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var name = $"ZW base {Guid.NewGuid():n}";
        await assessor.CreateVendorAsync(name);

        var lookAlike = await assessor.PostAsJsonAsync("/api/v1/vendors", new { name = name.Replace("ZW ", "ZW\u200b ") }, Ct);
        var fullWidth = await assessor.PostAsJsonAsync("/api/v1/vendors", new { name = name.Replace("ZW", "\uff3a\uff37") }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, lookAlike.StatusCode);
        Assert.Equal(["name"], await lookAlike.ErrorPathsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, fullWidth.StatusCode);
    }

    [Fact]
    public async Task Item7_zero_width_and_bidi_characters_are_not_stored_in_a_name_and_a_nul_is_refused()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var suffix = Guid.NewGuid().ToString("n");

        var id = await assessor.CreateVendorAsync($"Bidi vendor\u200b\u202e {suffix}");
        var nul = await assessor.PostAsJsonAsync("/api/v1/vendors", new { name = $"Nul\u0000 vendor {suffix}" }, Ct);

        var stored = (await (await assessor.GetAsync($"/api/v1/vendors/{id}", Ct)).ReadJsonAsync()).GetProperty("name").GetString();
        Assert.Equal($"Bidi vendor {suffix}", stored);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal(["name"], await nul.ErrorPathsAsync());
    }

    [Fact]
    public async Task Item9_limits_count_characters_as_users_see_them()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await app.CreateDraftAsync(assessor);
        var textKey = await TextQuestionKeyAsync(assessor, id);
        var emoji = string.Concat(Enumerable.Repeat("😀", 5_001));   // 5,001 characters, 10,002 UTF-16 units
        var flags = string.Concat(Enumerable.Repeat("🇫🇷", 10_001)); // 10,001 characters

        var accepted = await assessor.PutAnswersAsync(id, new[] { new { questionKey = textKey, text = emoji } });
        var refused = await assessor.PutAnswersAsync(id, new[] { new { questionKey = textKey, text = flags } });

        await ApiScenario.ExpectAsync(accepted, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("10,001", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(5_001, TextRules.Length(emoji));
    }

    private static async Task<string> TextQuestionKeyAsync(HttpClient client, int assessmentId)
    {
        var assessment = await (await client.GetAsync($"/api/v1/assessments/{assessmentId}", Ct)).ReadJsonAsync();
        var set = assessment.GetProperty("questionSet");
        var file = await (await client.GetAsync($"/api/v1/question-sets/{set.GetProperty("key").GetString()}/versions/{set.GetProperty("version").GetInt32()}", Ct)).ReadJsonAsync();
        return file.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .First(q => q.GetProperty("type").GetString() == "text").GetProperty("key").GetString()!;
    }

    [Theory]
    [InlineData("  =1+2")]
    [InlineData("\n=HYPERLINK(\"http://x\")")]
    [InlineData(" \r\n @cmd")]
    [InlineData("\n")]
    [InlineData("   -2")]
    public void Item11_a_formula_after_leading_white_space_or_line_feeds_is_neutralised(string cell) =>
        Assert.Equal("'" + cell, AnswersCsvExport.Neutralize(cell));
}

/// <summary>Issue 21 item 14: a tab closed before its first interactive render is not an error.</summary>
public sealed class LayoutDisconnectTests : BunitTestBase
{
    [Fact]
    public void Item14_a_disconnect_during_the_layouts_first_render_is_handled_where_it_happens()
    {
        Services.AddSingleton(new VendorRiskOptions());
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing" });
        AddAuthorization();
        JSInterop.Setup<string?>("vendorRisk.theme.get").SetException(new JSDisconnectedException("The circuit went away."));

        var layout = Render<MainLayout>();

        Assert.Contains("VendorRisk", layout.Markup);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "vendorRisk.markInteractive");
    }
}

/// <summary>Issue 21 item 1 on the command line: a file with a lone surrogate or a bad UTF-8 byte is refused with exit 1, not a crash (134).</summary>
public sealed class CommandLineBadTextTests : IAsyncLifetime
{
    private VendorRisk.Web.Tests.QuestionSets.QuestionSetTestHost _host = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("vr-cli-text-").FullName;

    public async ValueTask InitializeAsync() => _host = await VendorRisk.Web.Tests.QuestionSets.QuestionSetTestHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("import")]
    public async Task Item1_a_lone_surrogate_in_a_question_set_file_exits_1_with_its_path(string command)
    {
        var path = Path.Combine(_folder, $"surrogate-{command}.json");
        await File.WriteAllTextAsync(path, VendorRisk.Web.Tests.QuestionSets.QuestionSetFiles.Valid(title: "\\ud800"), Xunit.TestContext.Current.CancellationToken);

        var code = await _host.RunCommandAsync("question-sets", command, path);

        Assert.Equal(1, code);
        Assert.Contains("$.title", _host.Out.ToString() + _host.Error.ToString());
    }

    [Fact]
    public async Task Item1_an_invalid_utf8_byte_in_a_question_set_file_exits_1()
    {
        var path = Path.Combine(_folder, "bad-byte.json");
        var text = VendorRisk.Web.Tests.QuestionSets.QuestionSetFiles.Valid(title: "BADBYTE");
        var bytes = System.Text.Encoding.UTF8.GetBytes(text).ToList();
        var at = text.IndexOf("BADBYTE", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        await File.WriteAllBytesAsync(path, [.. bytes], Xunit.TestContext.Current.CancellationToken);

        var code = await _host.RunCommandAsync("question-sets", "validate", path);

        Assert.Equal(1, code);
    }
}
