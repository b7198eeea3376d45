using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ConfigCat.Tests.Text
{
    /// <summary>
    /// The inputs of the number differential: doubles to format and texts to parse, generated from a fixed seed with
    /// integer arithmetic only, so that every runtime (.NET 10, .NET Framework, Mono) gets the same ones. It holds no
    /// xunit code so that a plain net472 console can run it under Mono as well.
    /// </summary>
    internal static class NumberDifferentialCases
    {
        public const int RandomCount = 1_000_000;

        /// <summary>Edge doubles (zeros, extremes, every power of two, subnormals, neighbours of powers of ten and of
        /// 2^53), then <see cref="RandomCount"/> random bit patterns and random short decimals.</summary>
        public static IEnumerable<double> Doubles()
        {
            yield return 0.0;
            yield return -0.0;
            yield return double.MaxValue;
            yield return -double.MaxValue;
            yield return double.Epsilon;
            yield return BitConverter.Int64BitsToDouble(0x0010000000000000);
            yield return BitConverter.Int64BitsToDouble(0x000FFFFFFFFFFFFF);
            for (var exponent = -1074; exponent <= 1023; exponent++)
            {
                var power = PowerOfTwo(exponent);
                yield return power;
                yield return NextUp(power);
                yield return NextDown(power);
            }

            for (var exponent = -323; exponent <= 308; exponent++)
            {
                var power = PowerOfTen(exponent);
                yield return power;
                yield return NextUp(power);
                yield return NextDown(power);
            }

            for (long i = -1000; i <= 1000; i++)
            {
                yield return 9007199254740992.0 + (i * 2);
                yield return i / 8.0;
            }

            var random = new SplitMix64(0x5EED_C0FF_EE00_0011);
            for (var i = 0; i < RandomCount; i++)
            {
                switch (i % 4)
                {
                    case 0:
                    case 1:
                        var bits = (long)random.Next();
                        var value = BitConverter.Int64BitsToDouble(bits);
                        yield return double.IsNaN(value) || double.IsInfinity(value) ? BitConverter.Int64BitsToDouble(bits & ~0x7FF0000000000000) : value;
                        break;
                    case 2:
                        yield return BitConverter.Int64BitsToDouble((long)(random.Next() & 0x800FFFFFFFFFFFFF));
                        break;
                    default:
                        // A few significant digits at every decimal exponent, where the plain/exponent layouts meet.
                        var digits = (long)(random.Next() % 1_000_000) + 1;
                        var scale = (int)(random.Next() % 60) - 30;
                        yield return digits * PowerOfTen(scale);
                        break;
                }
            }
        }

        /// <summary>Decimal texts: random digit strings of 1 to 40 digits at random exponents, and the exact decimal
        /// midpoints between neighbouring doubles with a digit appended below or above them (round-half-even ties
        /// and their nearest non-ties).</summary>
        public static IEnumerable<string> Texts()
        {
            yield return "0";
            yield return "-0";
            yield return "5e-324";
            yield return "2.4703282292062327e-324";
            yield return "2.4703282292062328e-324";
            yield return "1.7976931348623157e308";
            yield return "1.7976931348623158e308";
            yield return "1.7976931348623159e308";
            yield return "9007199254740993";
            yield return "9007199254740993.0000000000000000000000000001";
            var random = new SplitMix64(0x5EED_7E47_0000_0022);
            var builder = new StringBuilder(64);
            for (var i = 0; i < RandomCount; i++)
            {
                builder.Clear();
                if ((random.Next() & 1) == 1)
                {
                    builder.Append('-');
                }

                if (i % 2 == 0)
                {
                    var count = 1 + (int)(random.Next() % 40);
                    for (var d = 0; d < count; d++)
                    {
                        builder.Append((char)('0' + (int)(random.Next() % 10)));
                        if (d == 0 && count > 1 && (random.Next() & 3) == 0)
                        {
                            builder.Append('.');
                        }
                    }

                    builder.Append('e').Append(((int)(random.Next() % 700) - 350).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    var below = (long)(random.Next() & 0x7FEFFFFFFFFFFFFF);
                    builder.Append(ExactMidpoint(below));
                    switch (random.Next() % 3)
                    {
                        case 0: break;
                        case 1: builder.Append("00000000000000000001"); break;
                        default: builder.Length--; break;
                    }
                }

                yield return builder.ToString();
            }
        }

        /// <summary>The exact decimal value, with all its digits, of the point halfway between the double with these
        /// bits and the next one up, in the form "digits.digits" (its last digit is always 5).</summary>
        private static string ExactMidpoint(long bits)
        {
            var exponentBits = (int)((bits >> 52) & 0x7FF);
            var mantissa = bits & 0x000FFFFFFFFFFFFF;
            if (exponentBits != 0)
            {
                mantissa |= 1L << 52;
            }

            var exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075;

            // (2m + 1) * 2^(e - 1) = (2m + 1) * 5^(1 - e) / 10^(1 - e) for e < 1.
            var numerator = new BigInteger((2 * mantissa) + 1);
            if (exponent >= 1)
            {
                return (numerator * BigInteger.Pow(2, exponent - 1)).ToString(CultureInfo.InvariantCulture);
            }

            var scale = 1 - exponent;
            var digits = (numerator * BigInteger.Pow(5, scale)).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
            return digits.Substring(0, digits.Length - scale) + "." + digits.Substring(digits.Length - scale);
        }

        private static double PowerOfTwo(int exponent) =>
            exponent >= -1022 ? BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52) : BitConverter.Int64BitsToDouble(1L << (exponent + 1074));

        /// <summary>Near 10^exponent by repeated multiplication, which every IEEE runtime computes alike (a runtime's
        /// parser may not be correctly rounded, which is the point of the differential).</summary>
        private static double PowerOfTen(int exponent)
        {
            var result = 1.0;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                result = exponent < 0 ? result / 10 : result * 10;
            }

            return result;
        }

        private static double NextUp(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) + 1);

        private static double NextDown(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) - 1);

        private sealed class SplitMix64
        {
            private ulong state;

            public SplitMix64(ulong seed) => state = seed;

            public ulong Next()
            {
                var z = state += 0x9E3779B97F4A7C15;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
                return z ^ (z >> 31);
            }
        }
    }
}
