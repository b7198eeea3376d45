namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// JavaScript's notion of white space (<c>String.prototype.trim</c>, <c>\s</c>, <c>Number()</c>), which differs from
    /// <see cref="char.IsWhiteSpace(char)"/>: it includes U+FEFF and excludes U+0085. The SDKs trim semver, number and
    /// date values this way.
    /// </summary>
    internal static class JsWhitespace
    {
        public static bool IsWhiteSpace(char c)
        {
            switch (c)
            {
                case '\t':
                case '\n':
                case '\v':
                case '\f':
                case '\r':
                case ' ':
                case '\u00A0':
                case '\u1680':
                case '\u2028':
                case '\u2029':
                case '\u202F':
                case '\u205F':
                case '\u3000':
                case '\uFEFF':
                    return true;
                default:
                    return c >= '\u2000' && c <= '\u200A';
            }
        }

        public static string Trim(string text)
        {
            var start = 0;
            var end = text.Length;
            while (start < end && IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
        }
    }
}
