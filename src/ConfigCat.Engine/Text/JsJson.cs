using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// JSON text as JavaScript's <c>JSON.stringify</c> / <c>JSON.parse</c> produce and accept it. The SDKs hash string
    /// arrays in their <c>JSON.stringify</c> form and print users that way in evaluation logs, and System.Text.Json's
    /// writer escapes differently (<c>&lt;</c>, <c>'</c>, <c>+</c>, non-ASCII), so strings are written by hand here.
    /// </summary>
    public static class JsJson
    {
        public static void AppendString(StringBuilder builder, string value)
        {
            builder.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20 || IsLoneSurrogate(value, i))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4"));
                        }
                        else
                        {
                            builder.Append(c);
                            if (char.IsHighSurrogate(c))
                            {
                                builder.Append(value[++i]);
                            }
                        }

                        break;
                }
            }

            builder.Append('"');
        }

        public static string StringifyStringArray(IReadOnlyList<string> items)
        {
            var builder = new StringBuilder(2 + (items.Count * 8));
            AppendStringArray(builder, items);
            return builder.ToString();
        }

        public static void AppendStringArray(StringBuilder builder, IReadOnlyList<string> items)
        {
            builder.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                AppendString(builder, items[i]);
            }

            builder.Append(']');
        }

        /// <summary>Reads text that <c>JSON.parse</c> would turn into an array of strings; null for anything else.
        /// Read by hand because JSON.parse keeps lone surrogates (raw or escaped), which System.Text.Json rejects.</summary>
        public static string[]? TryParseStringArray(string text)
        {
            var i = SkipWhiteSpace(text, 0);
            if (i == text.Length || text[i] != '[')
            {
                return null;
            }

            var items = new List<string>();
            i = SkipWhiteSpace(text, i + 1);
            if (i < text.Length && text[i] == ']')
            {
                i++;
            }
            else
            {
                while (true)
                {
                    var item = ReadString(text, ref i);
                    if (item == null)
                    {
                        return null;
                    }

                    items.Add(item);
                    i = SkipWhiteSpace(text, i);
                    if (i == text.Length || (text[i] != ',' && text[i] != ']'))
                    {
                        return null;
                    }

                    if (text[i++] == ']')
                    {
                        break;
                    }

                    i = SkipWhiteSpace(text, i);
                }
            }

            return SkipWhiteSpace(text, i) == text.Length ? items.ToArray() : null;
        }

        // JSON's white space, which is narrower than JavaScript's.
        private static int SkipWhiteSpace(string text, int i)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            {
                i++;
            }

            return i;
        }

        /// <summary>A JSON string literal starting at <paramref name="i"/>; null when there is none.</summary>
        private static string? ReadString(string text, ref int i)
        {
            if (i == text.Length || text[i] != '"')
            {
                return null;
            }

            var builder = new StringBuilder();
            for (i++; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    i++;
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    return null;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (++i == text.Length)
                {
                    return null;
                }

                switch (text[i])
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (i + 4 >= text.Length
                            || !ushort.TryParse(text.Substring(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            return null;
                        }

                        builder.Append((char)code);
                        i += 4;
                        break;
                    default: return null;
                }
            }

            return null;
        }

        private static bool IsLoneSurrogate(string value, int i)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
            }

            return char.IsLowSurrogate(c);
        }
    }
}
