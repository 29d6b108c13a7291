using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace VendorRisk.Web.Tests.EvidenceFiles;

/// <summary>Small files of each accepted type (and of refused ones), built byte by byte.</summary>
internal static class EvidenceSamples
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9];
    public static readonly byte[] Csv = Encoding.UTF8.GetBytes("control,status\nsso,yes\nlogging,partly\n");
    public static readonly byte[] Text = Encoding.UTF8.GetBytes("Penetration test summary: no critical findings. Prüfung bestanden.\n");
    public static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    public static readonly byte[] WindowsExe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
    public static readonly byte[] Elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0];

    public static byte[] Docx() => Office(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Office(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] PlainZip() => Office(("notes.txt", "hello"));

    private static byte[] Office(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>One part named "file"; the name goes as filename* (RFC 5987) so any character reaches the server as sent.</summary>
    public static MultipartFormDataContent Form(string fileName, byte[] content) => Form(fileName, new ByteArrayContent(content));

    public static MultipartFormDataContent Form(string fileName, HttpContent file)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        return new MultipartFormDataContent { file };
    }
}

/// <summary>A stream of <paramref name="length"/> bytes of a PDF, made as it is read (nothing held in memory).</summary>
internal sealed class GeneratedPdfStream(long length) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++)
            buffer[offset + i] = _position + i < EvidenceSamples.Pdf.Length ? EvidenceSamples.Pdf[_position + i] : (byte)' ';
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
