using System;
using System.Collections.Generic;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>How attribute values of the various .NET types are read by the comparators
    /// (https://configcat.com/docs/advanced/user-object/).</summary>
    internal static class UserAttributeValues
    {
        /// <summary>True for the .NET numeric types (JavaScript's <c>number</c>); text is not a number here.</summary>
        public static bool TryGetNumber(object value, out double number)
        {
            switch (value)
            {
                case double d: number = d; return true;
                case int i: number = i; return true;
                case long l: number = l; return true;
                case float f: number = f; return true;
                case decimal m: number = (double)m; return true;
                case short s: number = s; return true;
                case byte b: number = b; return true;
                case sbyte sb: number = sb; return true;
                case ushort us: number = us; return true;
                case uint ui: number = ui; return true;
                case ulong ul: number = ul; return true;
                default: number = 0; return false;
            }
        }

        public static bool TryGetUnixSeconds(object value, out double seconds)
        {
            switch (value)
            {
                case DateTime dateTime: seconds = JsDate.ToUnixSeconds(dateTime); return true;
                case DateTimeOffset dateTimeOffset: seconds = JsDate.ToUnixSeconds(dateTimeOffset); return true;
                default: seconds = 0; return false;
            }
        }

        /// <summary>The canonical text of a value for text comparators and percentage hashing.</summary>
        public static string ToText(object value)
        {
            switch (value)
            {
                case string s: return s;
                case IReadOnlyList<string> list: return JsJson.StringifyStringArray(list);
                default:
                    if (TryGetUnixSeconds(value, out var seconds))
                    {
                        return JsNumberFormatter.Format(seconds);
                    }

                    return TryGetNumber(value, out var number) ? JsNumberFormatter.Format(number) : JsValueFormatter.Format(value);
            }
        }

        /// <summary>Text → number for number and date comparators: the first comma is a decimal point, and the literal
        /// "NaN" is accepted as NaN.</summary>
        public static bool TryParseNumber(string text, out double number)
        {
            var comma = text.IndexOf(',');
            number = JsNumberParser.ParseFloatStrict(comma < 0 ? text : text.Substring(0, comma) + "." + text.Substring(comma + 1));
            return !double.IsNaN(number) || JsWhitespace.Trim(text) == "NaN";
        }
    }
}
