using System.Buffers.Binary;
using System.Text;

namespace VendorRisk.LoadTests.LoadRun.HubCircuits;

// Values as the server's RenderTreeEditType and RenderTreeFrameType send them.
public enum EditType { PrependFrame = 1, RemoveFrame = 2, SetAttribute = 3, RemoveAttribute = 4, UpdateText = 5, StepIn = 6, StepOut = 7, UpdateMarkup = 8, PermutationListEntry = 9, PermutationListEnd = 10 }

public enum FrameType { Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, ElementReferenceCapture = 6, Markup = 8, NamedEvent = 10 }

/// <param name="Number">Subtree length (element, component, region).</param>
/// <param name="Text">Element name, text, markup, or attribute name.</param>
/// <param name="Value">Attribute value.</param>
/// <param name="Id">Attribute event handler id, or component id.</param>
public readonly record struct Frame(FrameType Type, int Number, string? Text, string? Value, ulong Id)
{
    public int SubtreeLength => Type is FrameType.Element or FrameType.Component or FrameType.Region ? Number : 1;
}

/// <param name="FrameIndex">Index into the batch's reference frames, or the sibling index to move to (permutations).</param>
public readonly record struct Edit(EditType Type, int SiblingIndex, int FrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <summary>
/// One <c>JS.RenderBatch</c> as the server serialises it (RenderBatchWriter; the browser reads it in
/// OutOfProcessRenderBatch.ts): little-endian int32 tables located by five offsets in the last 20 bytes, 20-byte
/// reference frames, 16-byte edits, and a table of LEB128-length-prefixed UTF-8 strings.
/// </summary>
public sealed record RenderBatch(IReadOnlyList<ComponentDiff> Diffs, IReadOnlyList<Frame> Frames, IReadOnlyList<int> DisposedComponentIds, IReadOnlyList<ulong> DisposedEventHandlerIds)
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    public static RenderBatch Read(byte[] data)
    {
        var tail = data.Length - 20;
        int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at));
        var (diffsAt, framesAt, disposedComponentsAt, disposedHandlersAt, stringsAt) = (Int(tail), Int(tail + 4), Int(tail + 8), Int(tail + 12), Int(tail + 16));

        var strings = new string[(tail - stringsAt) / 4];
        for (var i = 0; i < strings.Length; i++)
        {
            var at = Int(stringsAt + i * 4);
            var length = ReadLeb128(data, ref at);
            strings[i] = Encoding.UTF8.GetString(data, at, length);
        }
        string? String(int index) => index < 0 ? null : strings[index];

        var frames = new Frame[Int(framesAt)];
        for (var i = 0; i < frames.Length; i++)
        {
            var at = framesAt + 4 + i * FrameSize;
            var type = (FrameType)Int(at);
            frames[i] = type switch
            {
                FrameType.Element => new Frame(type, Int(at + 4), String(Int(at + 8)), null, 0),
                FrameType.Component => new Frame(type, Int(at + 4), null, null, (ulong)Int(at + 8)),
                FrameType.Region => new Frame(type, Int(at + 4), null, null, 0),
                FrameType.Attribute => new Frame(type, 0, String(Int(at + 4)), String(Int(at + 8)), BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at + 12))),
                FrameType.Text or FrameType.Markup or FrameType.ElementReferenceCapture => new Frame(type, 0, String(Int(at + 4)), null, 0),
                _ => new Frame(type, 0, null, null, 0),
            };
        }

        var diffs = new ComponentDiff[Int(diffsAt)];
        for (var i = 0; i < diffs.Length; i++)
        {
            var at = Int(diffsAt + 4 + i * 4);
            var edits = new Edit[Int(at + 4)];
            for (var j = 0; j < edits.Length; j++)
            {
                var e = at + 8 + j * EditSize;
                edits[j] = new Edit((EditType)Int(e), Int(e + 4), Int(e + 8), String(Int(e + 12)));
            }
            diffs[i] = new ComponentDiff(Int(at), edits);
        }

        var disposedComponents = new int[Int(disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++)
            disposedComponents[i] = Int(disposedComponentsAt + 4 + i * 4);
        var disposedHandlers = new ulong[Int(disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(disposedHandlersAt + 4 + i * 8));

        return new RenderBatch(diffs, frames, disposedComponents, disposedHandlers);
    }

    private static int ReadLeb128(byte[] data, ref int at)
    {
        var result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            result |= (b & 0x7f) << shift;
            if (b < 0x80)
                return result;
        }
    }
}
