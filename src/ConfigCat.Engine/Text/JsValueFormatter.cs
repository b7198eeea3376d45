using System;
using System.Collections.Generic;
using System.Globalization;

namespace ConfigCat.Engine.Text
{
    /// <summary>Values as JavaScript's string concatenation prints them, which is how they appear in the SDKs'
    /// messages and evaluation logs: <c>true</c>, <c>3.1415</c>, <c>1e+21</c>, <c>null</c>, arrays joined by commas.</summary>
    internal static class JsValueFormatter
    {
        public static string Format(object? value)
        {
            switch (value)
            {
                case null: return "null";
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case double d: return JsNumberFormatter.Format(d);
                case float f: return JsNumberFormatter.Format(f);
                case decimal m: return JsNumberFormatter.Format((double)m);
                // JavaScript would print Date#toString, which depends on the machine's time zone and ICU data; the
                // ISO form keeps messages the same wherever they are produced.
                case DateTime dt: return JsDate.FormatUnixMilliseconds(JsDate.ToUnixMilliseconds(dt));
                case DateTimeOffset dto: return JsDate.FormatUnixMilliseconds(JsDate.ToUnixMilliseconds(dto));
                case IReadOnlyList<string> list: return string.Join(",", list);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString() ?? string.Empty;
            }
        }
    }
}
