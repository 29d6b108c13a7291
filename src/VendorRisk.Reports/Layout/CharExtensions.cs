namespace VendorRisk.Reports.Layout;

internal static class CharExtensions
{
    extension(char)
    {
        /// <summary>The code point at <paramref name="index"/>; a lone surrogate is returned as itself.</summary>
        public static int ConvertToUtf32OrSelf(string text, int index, out int units)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                units = 2;
                return char.ConvertToUtf32(text[index], text[index + 1]);
            }

            units = 1;
            return text[index];
        }
    }
}
