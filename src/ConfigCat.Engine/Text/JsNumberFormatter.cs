using System;
using System.Globalization;
using System.Text;

namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// Formats a double the way JavaScript's <c>Number.prototype.toString()</c> does: the shortest digits that round-trip,
    /// plain notation for 1e-6 &lt;= |x| &lt; 1e21, otherwise <c>1.5e+21</c> style. The SDKs hash and compare numbers in this
    /// form and print them in evaluation logs, so .NET's own formats ("R" gives <c>1E+21</c>) cannot be used.
    /// </summary>
    public static class JsNumberFormatter
    {
        public static string Format(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }

            if (double.IsPositiveInfinity(value))
            {
                return "Infinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return "-Infinity";
            }

            if (value == 0)
            {
                return "0";
            }

            if (value == System.Math.Floor(value) && System.Math.Abs(value) < 1e15)
            {
                return ((long)value).ToString(CultureInfo.InvariantCulture);
            }

            var digits = ShortestDecimal.Digits(System.Math.Abs(value), out var n);
            var k = digits.Length;

            var result = new StringBuilder(32);
            if (value < 0)
            {
                result.Append('-');
            }

            if (k <= n && n <= 21)
            {
                result.Append(digits).Append('0', n - k);
            }
            else if (0 < n && n <= 21)
            {
                result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
            }
            else if (-6 < n && n <= 0)
            {
                result.Append("0.").Append('0', -n).Append(digits);
            }
            else
            {
                result.Append(digits[0]);
                if (k > 1)
                {
                    result.Append('.').Append(digits, 1, k - 1);
                }

                result.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(System.Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
            }

            return result.ToString();
        }
    }
}
