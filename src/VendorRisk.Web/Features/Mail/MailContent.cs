namespace VendorRisk.Web.Features.Mail;

/// <summary>A rendered mail: subject, plain text and HTML. Build it with <see cref="MailComposer"/>.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>
/// Writes one mail as plain text and simple HTML at once. Every value is HTML-encoded in the HTML part;
/// links must be absolute (built by <see cref="PublicLinks"/>), so nothing a user typed becomes markup or a link.
/// </summary>
public sealed class MailComposer
{
    private readonly string _subject;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailComposer(string subject)
    {
        // A subject is one header line: line breaks a user typed into a title must not start a new header.
        _subject = string.Join(' ', subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        if (_subject.Length > Data.Entities.OutboxMessage.SubjectMaxLength)
            _subject = _subject[..(Data.Entities.OutboxMessage.SubjectMaxLength - 1)] + "…";
    }

    public MailComposer Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A labelled value ("Vendor: Acme"), one line each.</summary>
    public MailComposer Fact(string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return this;
        _text.Append(label).Append(": ").Append(value).Append('\n');
        _html.Append("<p style=\"margin:0\"><strong>").Append(Encode(label)).Append(":</strong> ").Append(Encode(value)).Append("</p>\n");
        return this;
    }

    /// <summary>A quoted block of user text (a review comment), kept with its line breaks.</summary>
    public MailComposer Quote(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return this;
        _text.Append('\n');
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
            _text.Append("> ").Append(line).Append('\n');
        _text.Append('\n');
        _html.Append("<blockquote style=\"border-left:3px solid #ccc;margin:1em 0;padding-left:1em\">")
            .Append(Encode(text).ReplaceLineEndings("<br>")).Append("</blockquote>\n");
        return this;
    }

    public MailComposer Link(string label, Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException("A link in a mail is an absolute http(s) address.", nameof(url));
        _text.Append('\n').Append(label).Append(": ").Append(url.AbsoluteUri).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Encode(url.AbsoluteUri)).Append("\">").Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <param name="toVendorContact">A mail to someone outside the app (a vendor contact) has no account page to point at.</param>
    public MailContent Build(bool toVendorContact = false)
    {
        var footer = toVendorContact
            ? "This message was sent by VendorRisk on behalf of the organisation that invited you."
            : "This message was sent by VendorRisk. You can turn notification mails off on your account page.";
        var text = _text.ToString().TrimEnd() + "\n\n-- \n" + footer + "\n";
        var html = "<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif;font-size:14px;line-height:1.4\">\n"
            + _html + "<hr>\n<p style=\"color:#666;font-size:12px\">" + Encode(footer) + "</p>\n</body></html>\n";
        return new MailContent(_subject, text, html);
    }

    /// <summary>
    /// The five characters that matter in HTML text and quoted attributes; the HTML part is UTF-8, so other characters
    /// (ü, é, emoji) stay readable in the source instead of turning into numeric entities.
    /// </summary>
    private static string Encode(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}

/// <summary>Absolute links for mails, from the configured public base URL (never from a request's Host header).</summary>
public sealed class PublicLinks(MailSettings settings)
{
    private readonly Uri _base = new((settings.PublicBaseUrl ?? MailSettings.DefaultPublicBaseUrl).TrimEnd('/') + "/");

    public Uri BaseUrl => _base;

    /// <summary><paramref name="path"/> is app-relative, e.g. <c>assessments/42</c> or <c>/portal/…</c>.</summary>
    public Uri To(string path) => new(_base, path.TrimStart('/'));

    public Uri Assessment(int id) => To($"assessments/{id}");

    public Uri Findings() => To("findings");

    public Uri Account() => To("account");
}
