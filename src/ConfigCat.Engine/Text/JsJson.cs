using System;
using System.Collections.Generic;
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
        /// Read by hand because JSON.parse keeps lone surrogates (raw or escaped), which System.Text.Json rejects.
        /// A first pass checks the whole text and counts the items, so that the second allocates only the array and the
        /// strings themselves (attributes given as JSON text are read on every evaluation of an array comparator).</summary>
        public static string[]? TryParseStringArray(string text)
        {
            var count = ReadStringArray(text, null);
            if (count < 0)
            {
                return null;
            }

            var items = count == 0 ? Array.Empty<string>() : new string[count];
            ReadStringArray(text, items);
            return items;
        }

        /// <summary>The number of items of the array, stored into <paramref name="items"/> when given; -1 when the
        /// text is not an array of strings.</summary>
        private static int ReadStringArray(string text, string[]? items)
        {
            var i = SkipWhiteSpace(text, 0);
            if (i == text.Length || text[i] != '[')
            {
                return -1;
            }

            var count = 0;
            i = SkipWhiteSpace(text, i + 1);
            if (i < text.Length && text[i] == ']')
            {
                i++;
            }
            else
            {
                while (true)
                {
                    var start = i;
                    if (!SkipString(text, ref i, out var escaped))
                    {
                        return -1;
                    }

                    if (items != null)
                    {
                        items[count] = escaped ? Unescape(text, start + 1, i - 1) : text.Substring(start + 1, i - start - 2);
                    }

                    count++;
                    i = SkipWhiteSpace(text, i);
                    if (i == text.Length || (text[i] != ',' && text[i] != ']'))
                    {
                        return -1;
                    }

                    if (text[i++] == ']')
                    {
                        break;
                    }

                    i = SkipWhiteSpace(text, i);
                }
            }

            return SkipWhiteSpace(text, i) == text.Length ? count : -1;
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

        /// <summary>Moves past a valid JSON string literal starting at <paramref name="i"/>; false when there is none.
        /// <paramref name="escaped"/> tells whether it contains escape sequences.</summary>
        private static bool SkipString(string text, ref int i, out bool escaped)
        {
            escaped = false;
            if (i == text.Length || text[i] != '"')
            {
                return false;
            }

            for (i++; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    i++;
                    return true;
                }

                if (c < 0x20)
                {
                    return false;
                }

                if (c != '\\')
                {
                    continue;
                }

                escaped = true;
                if (++i == text.Length)
                {
                    return false;
                }

                switch (text[i])
                {
                    case '"':
                    case '\\':
                    case '/':
                    case 'b':
                    case 'f':
                    case 'n':
                    case 'r':
                    case 't':
                        break;
                    case 'u':
                        if (i + 4 >= text.Length || !TryReadHex4(text, i + 1, out _))
                        {
                            return false;
                        }

                        i += 4;
                        break;
                    default: return false;
                }
            }

            return false;
        }

        /// <summary>The content of a string literal already checked by <see cref="SkipString"/>, from
        /// <paramref name="start"/> to <paramref name="end"/> (between the quotes), with its escapes decoded.</summary>
        private static string Unescape(string text, int start, int end)
        {
            var builder = new StringBuilder(end - start);
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                switch (text[++i])
                {
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        TryReadHex4(text, i + 1, out var code);
                        builder.Append(code);
                        i += 4;
                        break;
                    default: builder.Append(text[i]); break;
                }
            }

            return builder.ToString();
        }

        private static bool TryReadHex4(string text, int start, out char value)
        {
            var code = 0;
            for (var i = start; i < start + 4; i++)
            {
                var c = text[i];
                var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0)
                {
                    value = default;
                    return false;
                }

                code = (code << 4) | digit;
            }

            value = (char)code;
            return true;
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
