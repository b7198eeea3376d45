using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// The digits JavaScript's <c>Number.prototype.toString</c> prints for a positive finite double: the fewest
    /// significant digits that read back as the same double and, among those, the nearest to it (the even one on a
    /// tie). Computed here rather than with the runtime's formatting, which is not correct on .NET Framework and Mono
    /// (and, at two powers of two, not even on .NET 10).
    /// </summary>
    internal static class ShortestDecimal
    {
        private const long MantissaMask = 0x000FFFFFFFFFFFFF;
        private const long HiddenBit = 1L << 52;
        private const double MaxExactInteger = 1e15;

        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>The digits, without leading or trailing zeros, of <paramref name="magnitude"/> = 0.DIGITS ×
        /// 10^<paramref name="point"/>.</summary>
        public static string Digits(double magnitude, out int point) =>
            TryFewDigits(magnitude, out point) ?? ExactDigits(magnitude, out point);

        /// <summary>
        /// Numbers with at most 15 significant digits and few decimals (prices, percentages, versions) without big
        /// integers: when N / 10^k reads back as the double, N × 10^-k is a decimal that round-trips, and no other
        /// decimal of 15 digits or fewer does, because such decimals lie further apart than doubles do. Both N and
        /// 10^k are exact doubles, so the division is correctly rounded on every IEEE runtime.
        /// </summary>
        private static string? TryFewDigits(double magnitude, out int point)
        {
            for (var k = 0; k < PowersOfTen.Length; k++)
            {
                var scaled = magnitude * PowersOfTen[k];
                if (scaled >= MaxExactInteger)
                {
                    break;
                }

                var whole = Math.Round(scaled);
                if (whole != 0 && whole / PowersOfTen[k] == magnitude)
                {
                    var digits = ((long)whole).ToString(CultureInfo.InvariantCulture);
                    point = digits.Length - k;
                    return digits.TrimEnd('0');
                }
            }

            point = 0;
            return null;
        }

        /// <summary>
        /// Steele and White's free-format algorithm with Burger and Dybvig's scaling, in exact integer arithmetic:
        /// the value is r / s and the half-gaps to its neighbours are mMinus / s and mPlus / s, all scaled by 2 so that
        /// they are integers. Digits are produced until the rest of the value is within a half-gap, where the
        /// rounding interval's own ends count as inside for an even mantissa (the parser rounds ties to even).
        /// </summary>
        private static string ExactDigits(double magnitude, out int point)
        {
            var bits = BitConverter.DoubleToInt64Bits(magnitude);
            var biased = (int)(bits >> 52);
            var mantissa = bits & MantissaMask;
            var exponent = -1074;
            if (biased != 0)
            {
                mantissa |= HiddenBit;
                exponent = biased - 1075;
            }

            var inclusive = (mantissa & 1) == 0;

            // At a power of two the double below is twice as close as the one above.
            var lowerGapHalved = mantissa == HiddenBit && biased > 1;
            var shift = lowerGapHalved ? 2 : 1;
            BigInteger r, s, mPlus, mMinus;
            if (exponent >= 0)
            {
                var unit = BigInteger.One << exponent;
                r = (new BigInteger(mantissa) << exponent) << shift;
                s = new BigInteger(1 << shift);
                mPlus = unit << (shift - 1);
                mMinus = unit;
            }
            else
            {
                r = new BigInteger(mantissa) << shift;
                s = BigInteger.One << (shift - exponent);
                mPlus = new BigInteger(1 << (shift - 1));
                mMinus = BigInteger.One;
            }

            point = (int)Math.Ceiling(Math.Log10(magnitude) - 1e-10);
            if (point >= 0)
            {
                s *= BigInteger.Pow(10, point);
            }
            else
            {
                var scale = BigInteger.Pow(10, -point);
                r *= scale;
                mPlus *= scale;
                mMinus *= scale;
            }

            // The estimate can be one off either way; the point is right when the interval's top is below 10^point.
            while (inclusive ? r + mPlus >= s : r + mPlus > s)
            {
                s *= 10;
                point++;
            }

            while (inclusive ? (r + mPlus) * 10 < s : (r + mPlus) * 10 <= s)
            {
                r *= 10;
                mPlus *= 10;
                mMinus *= 10;
                point--;
            }

            var digits = new StringBuilder(17);
            while (true)
            {
                r *= 10;
                mPlus *= 10;
                mMinus *= 10;
                var digit = (int)BigInteger.DivRem(r, s, out r);
                var low = inclusive ? r <= mMinus : r < mMinus;
                var high = inclusive ? r + mPlus >= s : r + mPlus > s;
                if (!low && !high)
                {
                    digits.Append((char)('0' + digit));
                    continue;
                }

                if (low && high)
                {
                    var twice = r << 1;
                    high = twice > s || (twice == s && digit % 2 == 1);
                }

                digits.Append((char)('0' + digit + (high ? 1 : 0)));
                return digits.ToString();
            }
        }
    }
}
