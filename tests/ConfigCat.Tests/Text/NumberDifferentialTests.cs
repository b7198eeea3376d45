using System;
using System.Globalization;
using ConfigCat.Engine.Text;
using Xunit;

namespace ConfigCat.Tests.Text
{
    /// <summary>
    /// Formatting and parsing over a million random and edge numbers. On .NET 10 each output is compared with the
    /// runtime's IEEE-correct conversion; everywhere, the digest of the outputs must be the one that comparison gave
    /// on .NET 10, so a runtime whose own conversions are not correct (.NET Framework, Mono) still proves ours.
    /// </summary>
    public class NumberDifferentialTests
    {
#if NET
        /// <summary>.NET 10's "R", except at the powers of two where it gives digits that do not even read back as the
        /// same double (its own IEEE-correct parser says so); there the reference is node's <c>String(x)</c>.</summary>
        private static string DotNetShortest(double value)
        {
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) == value)
            {
                return text;
            }

            return value == Math.ScaleB(1, -25) ? "2.9802322387695312e-8"
                : value == Math.ScaleB(1, -958) ? "4.1045368012983762e-289"
                : "R does not round-trip: " + text;
        }
#endif

        private const string FormatDigest = "DC9DDC2A5706E7A67CD5B9530E6D3F73A817416D32719AB7D310A4B925E14E50";
        private const string ParseDigest = "27402AB54789C7D068DFC14A552799BC15DB73DFBD26CEFA7A7ACC53663D59E1";

        [Fact]
        public void Formats_the_shortest_round_trip_digits_of_every_double()
        {
#if NET
            System.Func<double, string>? reference = value => NumberDifferential.DigitsAndPoint(DotNetShortest(value));
#else
            System.Func<double, string>? reference = null;
#endif
            var result = NumberDifferential.Run(NumberDifferentialCases.Doubles(), value => NumberDifferential.DigitsAndPoint(JsNumberFormatter.Format(value)), reference);

            Assert.True(result.Count > NumberDifferentialCases.RandomCount, result.Count.ToString(CultureInfo.InvariantCulture));
            Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences));
            Assert.True(result.Digest == FormatDigest, "digest " + result.Digest);
        }

        [Fact]
        public void Parses_every_decimal_text_to_the_nearest_double()
        {
#if NET
            System.Func<string, string>? reference = text => NumberDifferential.Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
#else
            System.Func<string, string>? reference = null;
#endif
            var result = NumberDifferential.Run(NumberDifferentialCases.Texts(), text => NumberDifferential.Bits(JsNumberParser.ParseFloatStrict(text)), reference);

            Assert.True(result.Count > NumberDifferentialCases.RandomCount, result.Count.ToString(CultureInfo.InvariantCulture));
            Assert.True(result.Differences.Count == 0, string.Join("\n", result.Differences));
            Assert.True(result.Digest == ParseDigest, "digest " + result.Digest);
        }
    }
}
