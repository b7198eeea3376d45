using System.Globalization;
using System.Text;

namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// Formats a double the way JavaScript's <c>Number.prototype.toString()</c> does: the shortest digits that round-trip,
    /// plain notation for 1e-7 &lt; |x| &lt; 1e21, otherwise <c>1.5e+21</c> style. The SDKs hash and compare numbers in this
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

            var exponential = ShortestExponential(System.Math.Abs(value));
            var ePos = exponential.IndexOf('E');
            var digits = (exponential.Substring(0, 1) + exponential.Substring(2, ePos - 2)).TrimEnd('0');
            var n = int.Parse(exponential.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) + 1;
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

        /// <summary>"d.dddE+xxx" with the fewest significant digits (15 to 17) that read back as the same double.</summary>
        private static string ShortestExponential(double magnitude)
        {
            for (var precision = 15; precision < 17; precision++)
            {
                var candidate = magnitude.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
                if (double.Parse(candidate, NumberStyles.Float, CultureInfo.InvariantCulture) == magnitude)
                {
                    return candidate;
                }
            }

            return magnitude.ToString("E16", CultureInfo.InvariantCulture);
        }
    }
}
