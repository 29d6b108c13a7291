namespace VendorRisk.Domain.Comparison;

/// <summary>
/// scoring.md §7: overall descending, no score last; ties by vendor name, then model offering
/// name (none first), then assessment id.
/// </summary>
internal static class RankingOrder
{
    public static int Compare(double? overallX, string vendorX, string? modelX, int idX, double? overallY, string vendorY, string? modelY, int idY)
    {
        if (overallX != overallY)
        {
            if (overallX is null)
            {
                return 1;
            }

            if (overallY is null)
            {
                return -1;
            }

            return overallY.Value.CompareTo(overallX.Value);
        }

        var byName = Names(vendorX, vendorY);
        if (byName != 0)
        {
            return byName;
        }

        var byModel = (modelX, modelY) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            _ => Names(modelX, modelY),
        };
        return byModel != 0 ? byModel : idX.CompareTo(idY);
    }

    private static int Names(string x, string y)
    {
        var byName = string.Compare(x, y, StringComparison.OrdinalIgnoreCase);
        return byName != 0 ? byName : string.CompareOrdinal(x, y);
    }
}
