using System.Text.Encodings.Web;
using System.Text.Json;

namespace VendorRisk.Domain.QuestionSets.Interchange;

/// <summary>Writes a document as an indented UTF-8 file; absent (null) fields are not written.</summary>
public static class QuestionSetWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The files are read and edited by people, not embedded in HTML: keep "–", "é" and "&" as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(QuestionSetDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteDocument(writer, document);
        }
        return buffer.ToArray();
    }

    private static void WriteDocument(Utf8JsonWriter w, QuestionSetDocument d)
    {
        w.WriteStartObject();
        String(w, "format", d.Format);
        String(w, "key", d.Key);
        String(w, "title", d.Title);
        String(w, "description", d.Description);
        if (d.Version is { } version)
            w.WriteNumber("version", version);
        Array(w, "ratingBands", d.RatingBands, (w, b) =>
        {
            String(w, "label", b.Label);
            Number(w, "minScore", b.MinScore);
        });
        String(w, "knockoutRating", d.KnockoutRating);
        Array(w, "sections", d.Sections, WriteSection);
        w.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter w, SectionDocument s)
    {
        String(w, "key", s.Key);
        String(w, "title", s.Title);
        String(w, "description", s.Description);
        Number(w, "weight", s.Weight);
        Array(w, "questions", s.Questions, WriteQuestion);
    }

    private static void WriteQuestion(Utf8JsonWriter w, QuestionDocument q)
    {
        String(w, "key", q.Key);
        String(w, "text", q.Text);
        String(w, "guidance", q.Guidance);
        String(w, "type", q.Type);
        Number(w, "weight", q.Weight);
        Boolean(w, "critical", q.Critical);
        Number(w, "knockoutBelow", q.KnockoutBelow);
        Boolean(w, "allowNotApplicable", q.AllowNotApplicable);
        if (q.References is { } references)
        {
            w.WriteStartArray("references");
            foreach (var reference in references)
                w.WriteStringValue(reference);
            w.WriteEndArray();
        }
        String(w, "role", q.Role);
        String(w, "unit", q.Unit);
        String(w, "level", q.Level);
        Array(w, "options", q.Options, (w, o) =>
        {
            String(w, "key", o.Key);
            String(w, "label", o.Label);
            Number(w, "score", o.Score);
        });
        Number(w, "maxScore", q.MaxScore);
        Array(w, "bands", q.Bands, (w, b) =>
        {
            Number(w, "upTo", b.UpTo);
            Number(w, "score", b.Score);
        });
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
    }

    private static void Boolean(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
            w.WriteBoolean(name, v);
    }

    private static void Array<T>(Utf8JsonWriter w, string name, List<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
            return;
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeItem(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
