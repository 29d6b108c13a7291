namespace VendorRisk.LoadTests.LoadRun.HubCircuits;

public abstract class MirrorNode
{
    public ContainerNode? Parent { get; internal set; }
}

public class ContainerNode : MirrorNode
{
    public List<MirrorNode> Children { get; } = [];

    public IEnumerable<ElementNode> DescendantElements()
    {
        foreach (var child in Children)
        {
            if (child is ElementNode element)
                yield return element;
            if (child is ContainerNode container)
            {
                foreach (var descendant in container.DescendantElements())
                    yield return descendant;
            }
        }
    }
}

/// <summary>A child component's place in its parent; its children are what the component rendered.</summary>
public sealed class ComponentNode(int componentId) : ContainerNode
{
    public int ComponentId { get; } = componentId;
}

public sealed class ElementNode(string name) : ContainerNode
{
    public string Name { get; } = name;
    public Dictionary<string, (string? Value, ulong EventHandlerId)> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>The component whose render tree holds this element (the one an event's field info names).</summary>
    public int RenderingComponentId { get; internal set; }

    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var a) ? a.Value : null;

    public ulong HandlerFor(string eventName) => Attributes.TryGetValue("on" + eventName, out var a) ? a.EventHandlerId : 0;

    public ElementNode? Closest(Func<ElementNode, bool> match)
    {
        for (MirrorNode? node = this; node is not null; node = node.Parent)
        {
            if (node is ElementNode element && match(element))
                return element;
        }
        return null;
    }
}

public sealed class LeafNode(FrameType type, string? text) : MirrorNode
{
    public FrameType Type { get; } = type;
    public string? Text { get; set; } = text;
}

/// <summary>
/// What the browser's DOM would hold, kept from the render batches: elements with their attributes and event
/// handler ids, text, markup, and each component's content under its place in the parent. It applies edits the way
/// BrowserRenderer.ts does (sibling indexes count DOM nodes: a region's children are inlined, a markup block is one
/// node, reference captures and named events are none) and nothing more: no CSS, no layout, no scripts.
/// </summary>
public sealed class RenderTreeMirror
{
    private readonly Dictionary<int, ComponentNode> _components = [];

    public IEnumerable<ElementNode> Elements() => _components.Values.Where(c => c.Parent is null).SelectMany(c => c.DescendantElements());

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.Diffs)
            ApplyEdits(Component(diff.ComponentId), diff.ComponentId, diff.Edits, batch.Frames);
        foreach (var id in batch.DisposedComponentIds)
            _components.Remove(id);
    }

    private ComponentNode Component(int id)
    {
        if (!_components.TryGetValue(id, out var node))
            _components[id] = node = new ComponentNode(id); // a root component: nothing holds its place
        return node;
    }

    private void ApplyEdits(ContainerNode parent, int componentId, IReadOnlyList<Edit> edits, IReadOnlyList<Frame> frames)
    {
        List<(int From, int To)>? permutations = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(parent, componentId, edit.SiblingIndex, frames, edit.FrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    SetAttribute((ElementNode)parent.Children[edit.SiblingIndex], frames[edit.FrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    ((ElementNode)parent.Children[edit.SiblingIndex]).Attributes.Remove(edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    ((LeafNode)parent.Children[edit.SiblingIndex]).Text = frames[edit.FrameIndex].Text;
                    break;
                case EditType.UpdateMarkup:
                    parent.Children.RemoveAt(edit.SiblingIndex);
                    Insert(parent, edit.SiblingIndex, new LeafNode(FrameType.Markup, frames[edit.FrameIndex].Text));
                    break;
                case EditType.StepIn:
                    parent = (ContainerNode)parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    break;
                case EditType.PermutationListEntry:
                    (permutations ??= []).Add((edit.SiblingIndex, edit.FrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var moving = permutations!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moving)
                        parent.Children[to] = node;
                    permutations = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown edit type {edit.Type}.");
            }
        }
    }

    /// <summary>Inserts the frame at <paramref name="index"/> and its subtree; returns how many DOM nodes it added.</summary>
    private int InsertFrame(ContainerNode parent, int componentId, int childIndex, IReadOnlyList<Frame> frames, int index)
    {
        var frame = frames[index];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new ElementNode(frame.Text!) { RenderingComponentId = componentId };
                var end = index + frame.Number;
                var child = index + 1;
                for (; child < end && frames[child].Type == FrameType.Attribute; child++)
                    SetAttribute(element, frames[child]);
                Insert(parent, childIndex, element);
                InsertRange(element, componentId, 0, frames, child, end);
                return 1;
            case FrameType.Component:
                var component = new ComponentNode((int)frame.Id);
                _components[component.ComponentId] = component;
                Insert(parent, childIndex, component);
                return 1;
            case FrameType.Region:
                return InsertRange(parent, componentId, childIndex, frames, index + 1, index + frame.Number);
            case FrameType.Text or FrameType.Markup:
                Insert(parent, childIndex, new LeafNode(frame.Type, frame.Text));
                return 1;
            default:
                return 0; // reference captures and named events have no DOM node
        }
    }

    private int InsertRange(ContainerNode parent, int componentId, int childIndex, IReadOnlyList<Frame> frames, int start, int end)
    {
        var first = childIndex;
        for (var i = start; i < end; i += frames[i].SubtreeLength)
            childIndex += InsertFrame(parent, componentId, childIndex, frames, i);
        return childIndex - first;
    }

    private static void Insert(ContainerNode parent, int index, MirrorNode node)
    {
        node.Parent = parent;
        parent.Children.Insert(index, node);
    }

    private static void SetAttribute(ElementNode element, Frame attribute) =>
        element.Attributes[attribute.Text!] = (attribute.Value, attribute.Id);
}
