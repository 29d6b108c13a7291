using System.Globalization;
using Microsoft.Playwright;
using VendorRisk.LoadTests.LoadRun;

namespace VendorRisk.LoadTests.Measuring;

/// <summary>
/// <c>typing</c>: types into one text box of the wizard in a signed-in Chromium tab at a human pace and reports what the
/// typing cost the server: the WebSocket messages the page sent and the app process's CPU, less what the open tab costs
/// idle over as long (measured just before).
/// </summary>
public static class TypingCommand
{
    private const string Sentence = "The vendor quotes a private deployment, agent tooling and frontier reasoning. ";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var url = new Uri(options.Get("url") ?? "http://127.0.0.1:5080");
        var path = options.Get("path") ?? throw new ArgumentException("--path is required (e.g. /assessments/12).");
        var pid = options.GetInt("server-pid", 0);
        if (pid == 0 || options.Get("password") is not { } password)
            throw new ArgumentException("--server-pid and --password are required.");
        var field = options.Get("field") ?? "#q-differentiation-narrative textarea";
        var section = options.Get("section") ?? "#section-continuity-and-exit";
        var characters = options.GetInt("chars", 300);
        var delay = options.GetInt("delay", 200);
        var probe = new ServerProbe(pid);

        await using var chromium = await SignedInChromium.StartAsync(options, url, password);
        var page = await chromium.NewTabAsync();
        var sent = 0;
        page.WebSocket += (_, socket) => socket.FrameSent += (_, _) => Interlocked.Increment(ref sent);
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("body[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync(section);
        var box = page.Locator(field).First;
        await box.FocusAsync();
        await box.FillAsync("");
        await Task.Delay(3000);

        var text = string.Concat(Enumerable.Repeat(Sentence, characters / Sentence.Length + 1))[..characters];
        var window = TimeSpan.FromMilliseconds((double)characters * delay);
        var idleStart = probe.Sample();
        await Task.Delay(window);
        var idle = probe.Sample() - idleStart;

        var sentBefore = Volatile.Read(ref sent);
        var start = probe.Sample();
        await page.Keyboard.TypeAsync(text, new() { Delay = delay });
        var typed = probe.Sample() - start;
        var messages = Volatile.Read(ref sent) - sentBefore;
        await Task.Delay(3000);
        var stored = await box.InputValueAsync();

        var cpu = typed.Cpu - idle.Cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            typed             {characters} characters into {field}, one every {delay} ms ({window.TotalSeconds:0} s)
            messages sent     {messages} ({(double)messages / characters:0.00} per character)
            server CPU        {typed.Cpu.TotalMilliseconds:0} ms while typing, {idle.Cpu.TotalMilliseconds:0} ms idle over as long
            per character     {cpu.TotalMilliseconds / characters:0.000} ms of server CPU (typing less idle)
            box holds         {(stored == text ? "the typed text" : "something else: " + stored.Length + " characters")}
            """));
        return stored == text ? 0 : 1;
    }
}
