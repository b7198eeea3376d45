using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConfigCat.Tests.Text
{
    /// <summary>
    /// Runs a number conversion over many inputs, optionally against a reference conversion, and digests the outputs.
    /// Where the reference (.NET 10's IEEE-correct "R" and double.Parse) is not available, as on .NET Framework and
    /// Mono, the digest of the outputs is compared with the digest the reference gave on .NET 10.
    /// </summary>
    internal sealed class NumberDifferential
    {
        private const int MaxReported = 20;

        public int Count { get; private set; }

        public List<string> Differences { get; } = new List<string>();

        public string Digest { get; private set; } = string.Empty;

        public static NumberDifferential Run<T>(IEnumerable<T> inputs, Func<T, string> convert, Func<T, string>? reference)
        {
            var result = new NumberDifferential();
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var differenceCount = 0;
                foreach (var input in inputs)
                {
                    var output = Convert(convert, input);
                    hash.AppendData(Encoding.UTF8.GetBytes(output + "\n"));
                    result.Count++;
                    if (reference != null)
                    {
                        var expected = reference(input);
                        if (expected != output && ++differenceCount <= MaxReported)
                        {
                            result.Differences.Add(Describe(input) + ": expected " + expected + ", got " + output);
                        }
                    }
                }

                if (differenceCount > MaxReported)
                {
                    result.Differences.Add((differenceCount - MaxReported).ToString(CultureInfo.InvariantCulture) + " more");
                }

                result.Digest = BitConverter.ToString(hash.GetHashAndReset()).Replace("-", string.Empty);
            }

            return result;
        }

        /// <summary>A number's text in any of the usual notations ("1.5E+21", "1.5e+21", "0.0015", "-12") as
        /// "0.DIGITS" × 10^POINT, written "0.15e22" for 1.5e+21 (and "0" for either zero), so that texts laid out
        /// differently can be compared by their digits and magnitude alone.</summary>
        public static string DigitsAndPoint(string text)
        {
            var negative = text.StartsWith("-", StringComparison.Ordinal);
            var body = negative ? text.Substring(1) : text;
            var e = body.IndexOfAny(new[] { 'e', 'E' });
            var exponent = e < 0 ? 0 : int.Parse(body.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var mantissa = e < 0 ? body : body.Substring(0, e);
            var dot = mantissa.IndexOf('.');
            var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
            var point = (dot < 0 ? mantissa.Length : dot) + exponent;
            var leading = 0;
            while (leading < digits.Length && digits[leading] == '0')
            {
                leading++;
            }

            digits = digits.Substring(leading).TrimEnd('0');
            if (digits.Length == 0)
            {
                return "0";
            }

            return (negative ? "-" : string.Empty) + "0." + digits + "e" + (point - leading).ToString(CultureInfo.InvariantCulture);
        }

        public static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);

        private static string Convert<T>(Func<T, string> convert, T input)
        {
            try
            {
                return convert(input);
            }
            catch (Exception ex)
            {
                return ex.GetType().Name;
            }
        }

        private static string Describe<T>(T input) => input is double d ? Bits(d) : "\"" + input + "\"";
    }
}
