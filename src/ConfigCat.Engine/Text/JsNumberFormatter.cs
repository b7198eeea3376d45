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
        private const double MinNormal = 2.2250738585072014E-308;
        private const long MantissaMask = 0x000FFFFFFFFFFFFF;

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
            var digits = exponential.Substring(0, ePos).Replace(".", string.Empty).TrimEnd('0');
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

        /// <summary>"d.dddE+xxx" with the fewest significant digits that read back as the same double; among those, the
        /// nearest to it, as Number#toString picks.</summary>
        private static string ShortestExponential(double magnitude)
        {
            // A normal double is the only one within reach of its 15-digit rounding, so fewer digits show up there as
            // trailing zeros; subnormal doubles are less precise and can need as few as one digit.
            for (var precision = magnitude < MinNormal ? 1 : 15; precision < 17; precision++)
            {
                var nearest = magnitude.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
                if (RoundTrips(nearest, magnitude))
                {
                    return nearest;
                }

                // At a power of two the doubles below are twice as dense as those above, so the nearest decimal can
                // read back as the double below while the next decimal up still reads back as this one.
                if ((BitConverter.DoubleToInt64Bits(magnitude) & MantissaMask) == 0)
                {
                    var above = NextDecimalUp(nearest);
                    if (RoundTrips(above, magnitude))
                    {
                        return above;
                    }
                }
            }

            return magnitude.ToString("E16", CultureInfo.InvariantCulture);
        }

        private static bool RoundTrips(string exponential, double magnitude) =>
            double.Parse(exponential, NumberStyles.Float, CultureInfo.InvariantCulture) == magnitude;

        /// <summary>"d.dddE+xxx" plus one unit in its last digit, e.g. 9.99E+005 → 1.00E6.</summary>
        private static string NextDecimalUp(string exponential)
        {
            var ePos = exponential.IndexOf('E');
            var mantissa = exponential.ToCharArray(0, ePos);
            var exponent = int.Parse(exponential.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var i = mantissa.Length - 1;
            while (i >= 0 && (mantissa[i] == '9' || mantissa[i] == '.'))
            {
                if (mantissa[i] == '9')
                {
                    mantissa[i] = '0';
                }

                i--;
            }

            if (i < 0)
            {
                mantissa[0] = '1';
                exponent++;
            }
            else
            {
                mantissa[i]++;
            }

            return new string(mantissa) + "E" + exponent.ToString(CultureInfo.InvariantCulture);
        }
    }
}
