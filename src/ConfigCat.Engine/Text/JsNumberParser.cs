namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// Text → number the way the SDKs read number and date attributes: JavaScript's <c>Number(text)</c> restricted to
    /// decimal literals (no hex/binary/octal, no empty text), after replacing the first comma with a dot. Returns NaN
    /// for anything else; the caller decides whether the literal text "NaN" is acceptable.
    /// </summary>
    internal static class JsNumberParser
    {
        public static double ParseFloatStrict(string text)
        {
            var start = 0;
            var end = text.Length;
            while (start < end && JsWhitespace.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && JsWhitespace.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (start == end)
            {
                return double.NaN;
            }

            // The SDKs reject "0x10", "0b1", "0o7" and, with the same rule, "0 " followed by anything but a digit,
            // a dot or an exponent: the rule looks at the untrimmed tail.
            if (text[start] == '0' && start + 1 < text.Length && !IsDecimalContinuation(text[start + 1]))
            {
                return double.NaN;
            }

            var i = start;
            var negative = false;
            if (text[i] == '+' || text[i] == '-')
            {
                negative = text[i] == '-';
                i++;
            }

            if (string.CompareOrdinal(text, i, "Infinity", 0, 8) == 0 && i + 8 == end)
            {
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            }

            var intDigits = CountDigits(text, ref i, end);
            var fracDigits = 0;
            if (i < end && text[i] == '.')
            {
                i++;
                fracDigits = CountDigits(text, ref i, end);
            }

            if (intDigits == 0 && fracDigits == 0)
            {
                return double.NaN;
            }

            if (i < end && (text[i] == 'e' || text[i] == 'E'))
            {
                i++;
                if (i < end && (text[i] == '+' || text[i] == '-'))
                {
                    i++;
                }

                if (CountDigits(text, ref i, end) == 0)
                {
                    return double.NaN;
                }
            }

            if (i != end)
            {
                return double.NaN;
            }

            return NearestDouble.Parse(text, start, end);
        }

        private static bool IsDecimalContinuation(char c) => (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';

        private static int CountDigits(string text, ref int i, int end)
        {
            var start = i;
            while (i < end && text[i] >= '0' && text[i] <= '9')
            {
                i++;
            }

            return i - start;
        }
    }
}
