namespace VendorRisk.Web.Features.Shared;

/// <summary>Colours of rating bands by their rank: the best band green, the worst red, the ones between amber to orange.</summary>
public static class RatingColors
{
    // Each colour carries white text at 4.5:1 or more (WCAG AA), on screen and in the PDF; the words ("High risk")
    // carry the meaning for readers who cannot tell the hues apart.
    public const string Unrated = "#5f6b7a";
    private static readonly string[] Scale = ["#1b6e36", "#4d7c0f", "#8a5a00", "#b4460a", "#b3261e"];

    /// <summary>The colour of the band at <paramref name="index"/> of <paramref name="count"/> bands ranked best to worst.</summary>
    public static string ForRank(int index, int count)
    {
        if (count <= 1 || index < 0)
            return index < 0 ? Unrated : Scale[0];
        var palette = count switch
        {
            2 => [Scale[0], Scale[4]],
            3 => [Scale[0], Scale[2], Scale[4]],
            4 => [Scale[0], Scale[2], Scale[3], Scale[4]],
            _ => Scale,
        };
        var position = (int)Math.Round((double)Math.Min(index, count - 1) * (palette.Length - 1) / (count - 1), MidpointRounding.AwayFromZero);
        return palette[position];
    }

    /// <summary>The colour of a rating label in the set's bands; grey when there is no rating.</summary>
    public static string For(QuestionSetDefinition set, string? rating)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (rating is null)
            return Unrated;
        var bands = set.RatingBands;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Label == rating)
                return ForRank(i, bands.Count);
        }

        return Unrated;
    }

    /// <summary>The rank of the rating counted from the worst band (0 = worst); null when not a band of the set.</summary>
    public static int? RankFromWorst(QuestionSetDefinition set, string? rating)
    {
        ArgumentNullException.ThrowIfNull(set);
        for (var i = 0; i < set.RatingBands.Count; i++)
        {
            if (set.RatingBands[i].Label == rating)
                return set.RatingBands.Count - 1 - i;
        }

        return null;
    }

    /// <summary>The heat class (<c>vr-heat-0</c> … <c>vr-heat-4</c> in app.css) of a 0–100 score; empty for no score.</summary>
    public static string HeatClass(double? score) =>
        score is { } s ? $"vr-heat-{Math.Clamp((int)Math.Floor(s / 20), 0, 4)}" : "";
}
