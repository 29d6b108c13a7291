using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.ModelOfferings;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// The limits the validators enforce, published on the request schemas (maxLength, minimum, pattern, enum) so that a
/// generated client can check a body before sending it. Every figure is the constant the validator itself checks
/// against, never a copy; <c>OpenApiRequestConstraintTests</c> sends each limit and one step past it to the server.
/// Lengths count characters as users see them (the validators' rule), so a text of combining marks may be longer in
/// JSON Schema's code points than the server's count: the schema is never looser than the server.
/// </summary>
public static class OpenApiRequestConstraints
{
    private static readonly Dictionary<Type, Dictionary<string, Action<OpenApiSchema>>> ByType = new()
    {
        [typeof(CreateVendorDto)] = new(StringComparer.Ordinal)
        {
            ["name"] = Text(1, VendorRequestValidator.NameMaxLength),
            ["website"] = Text(0, VendorRequestValidator.WebsiteMaxLength),
            ["headquartersCountry"] = Pattern(Countries.CodePattern),
            ["tier"] = Range(VendorRequestValidator.MinTier, VendorRequestValidator.MaxTier),
            ["tags"] = List(VendorRequestValidator.MaxTags, Text(1, VendorRequestValidator.TagMaxLength), unique: true),
        },
        [typeof(CreateModelOfferingDto)] = new(StringComparer.Ordinal)
        {
            ["name"] = Text(1, ModelOfferingLimits.NameMaxLength),
            ["channel"] = OneOf(ModelOfferingRequestValidator.Channels),
            ["providerModelId"] = Text(0, ModelOfferingLimits.ProviderModelIdMaxLength),
            ["status"] = OneOf(ModelOfferingRequestValidator.Statuses),
        },
        [typeof(CreateAssessmentDto)] = new(StringComparer.Ordinal)
        {
            ["questionSetKey"] = Key,
            ["title"] = Text(0, AssessmentLimits.TitleMaxLength),
            ["scope"] = Text(0, AssessmentLimits.ScopeMaxLength),
        },
        [typeof(PutAnswersRequest)] = new(StringComparer.Ordinal)
        {
            ["answers"] = List(AnswersRequestParser.MaxAnswersPerRequest),
        },
        [typeof(AnswerRequestDto)] = new(StringComparer.Ordinal)
        {
            ["questionKey"] = Key,
            ["number"] = Range(-AnswerLimits.MaxMagnitude, AnswerLimits.MaxMagnitude),
            ["text"] = Text(0, AnswerLimits.TextMaxLength),
            ["justification"] = Text(0, AnswerLimits.JustificationMaxLength),
            ["note"] = Text(0, AnswerLimits.NoteMaxLength),
        },
        [typeof(EvidenceDto)] = new(StringComparer.Ordinal)
        {
            ["description"] = Text(0, AnswerLimits.EvidenceDescriptionMaxLength),
        },
        [typeof(ReviewAssessmentDto)] = new(StringComparer.Ordinal)
        {
            ["decision"] = OneOf(KebabValues<ReviewDecision>()),
            ["comment"] = Text(0, AssessmentLimits.CommentMaxLength),
        },
        [typeof(ConditionDto)] = new(StringComparer.Ordinal)
        {
            ["title"] = Text(1, FindingLimits.TitleMaxLength),
            ["severity"] = OneOf(KebabValues<FindingSeverity>()),
            ["description"] = Text(0, FindingLimits.DescriptionMaxLength),
        },
        [typeof(CreateFindingDto)] = new(StringComparer.Ordinal)
        {
            ["title"] = Text(1, FindingLimits.TitleMaxLength),
            ["severity"] = OneOf(KebabValues<FindingSeverity>()),
            // Empty means "about no question" here; the pattern still says what a key looks like.
            ["questionKey"] = s => { Key(s); s.MinLength = null; },
            ["description"] = Text(0, FindingLimits.DescriptionMaxLength),
        },
        [typeof(PatchFindingDto)] = new(StringComparer.Ordinal)
        {
            ["status"] = OneOf(KebabValues<FindingStatus>()),
            ["description"] = Text(0, FindingLimits.DescriptionMaxLength),
            ["justification"] = Text(0, FindingLimits.JustificationMaxLength),
        },
        [typeof(AcceptKnockoutDto)] = new(StringComparer.Ordinal)
        {
            ["justification"] = Text(1, KnockoutAcceptancePolicy.JustificationMaxLength),
        },
    };

    public static OpenApiOptions AddValidatorConstraints(this OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 } properties
                && ByType.TryGetValue(context.JsonTypeInfo.Type, out var constraints))
            {
                foreach (var (name, constrain) in constraints)
                {
                    if (properties.TryGetValue(name, out var property) && property is OpenApiSchema inline)
                        constrain(inline);
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }

    private static Action<OpenApiSchema> Key => s =>
    {
        Text(1, QuestionSetLimits.KeyMaxLength)(s);
        Pattern(QuestionSetLimits.KeyPattern)(s);
    };

    private static Action<OpenApiSchema> Text(int min, int max) => s =>
    {
        s.MinLength = min > 0 ? min : null;
        s.MaxLength = max;
    };

    private static Action<OpenApiSchema> Pattern(string pattern) => s => s.Pattern = pattern;

    private static Action<OpenApiSchema> Range(double min, double max) => s =>
    {
        s.Minimum = min.ToString(CultureInfo.InvariantCulture);
        s.Maximum = max.ToString(CultureInfo.InvariantCulture);
    };

    private static Action<OpenApiSchema> List(int maxItems, Action<OpenApiSchema>? item = null, bool unique = false) => s =>
    {
        s.MaxItems = maxItems;
        if (unique)
            s.UniqueItems = true;
        if (item is not null && s.Items is OpenApiSchema inline)
            item(inline);
    };

    /// <summary>A string with these values only; omitting an optional one leaves it unset, so null is not among them.</summary>
    private static Action<OpenApiSchema> OneOf(IEnumerable<string> values) => s =>
    {
        s.Type = JsonSchemaType.String;
        s.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
    };

    private static IEnumerable<string> KebabValues<T>() where T : struct, Enum => Enum.GetValues<T>().Select(KebabEnum.ToKebab);
}
