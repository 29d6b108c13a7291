namespace VendorRisk.Domain.Comparison;

/// <summary>scoring.md §7: overall descending, no score last, ties by vendor name then assessment id.</summary>
internal static class RankingOrder
{
    public static int Compare(double? overallX, string vendorX, int idX, double? overallY, string vendorY, int idY)
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

        var byName = string.Compare(vendorX, vendorY, StringComparison.OrdinalIgnoreCase);
        if (byName == 0)
        {
            byName = string.CompareOrdinal(vendorX, vendorY);
        }

        return byName != 0 ? byName : idX.CompareTo(idY);
    }
}
