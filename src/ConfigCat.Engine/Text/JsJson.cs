using System.Collections.Generic;
using System.Text;
using System.Text.Json;

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

        /// <summary>Reads text that <c>JSON.parse</c> would turn into an array of strings; null for anything else.</summary>
        public static string[]? TryParseStringArray(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    return null;
                }

                var items = new string[document.RootElement.GetArrayLength()];
                var i = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    items[i++] = element.GetString()!;
                }

                return items;
            }
            catch (JsonException)
            {
                return null;
            }
            catch (System.InvalidOperationException)
            {
                // A string holding an unpaired surrogate escape: JavaScript would accept it, but it cannot match
                // anything a user could send as a real array either.
                return null;
            }
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
