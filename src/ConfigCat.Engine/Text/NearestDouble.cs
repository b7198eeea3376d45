using System;
using System.Numerics;

namespace ConfigCat.Engine.Text
{
    /// <summary>
    /// A decimal literal to the nearest double, ties to even, as JavaScript and IEEE 754 read it. Done here because
    /// .NET Framework's and Mono's parsers (and System.Text.Json's GetDouble on them) are not correctly rounded.
    /// </summary>
    internal static class NearestDouble
    {
        private const int MaxExactDigits = 15;
        private const int MaxExactPowerOfTen = 22;

        // 768 significant digits decide the rounding of any double; the rest only matter as "something non-zero".
        private const int MaxSignificantDigits = 800;

        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>Reads <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>, which the
        /// caller has checked to be <c>[+-]digits[.digits][(e|E)[+-]digits]</c> with at least one digit before the
        /// exponent.</summary>
        public static double Parse(string text, int start, int end)
        {
            var i = start;
            var negative = text[i] == '-';
            if (text[i] == '+' || text[i] == '-')
            {
                i++;
            }

            // The digits without leading zeros, as a run of text positions (skipping the dot), and the power of ten
            // their last digit stands for.
            var firstDigit = -1;
            var digitCount = 0;
            var pointShift = 0;
            ulong leadingValue = 0;
            var seenDot = false;
            for (; i < end; i++)
            {
                var c = text[i];
                if (c == '.')
                {
                    seenDot = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    break;
                }

                if (seenDot)
                {
                    pointShift--;
                }

                if (digitCount == 0 && c == '0')
                {
                    continue;
                }

                if (digitCount == 0)
                {
                    firstDigit = i;
                }

                if (digitCount < 19)
                {
                    leadingValue = (leadingValue * 10) + (ulong)(c - '0');
                }

                digitCount++;
            }

            var exponent = i < end ? ReadExponent(text, i + 1, end) : 0;
            if (digitCount == 0)
            {
                return negative ? -0.0 : 0.0;
            }

            // The trailing digits' power of ten: a digit after the dot counts one place down.
            var lastDigitPower = exponent + pointShift;
            double magnitude;
            if (digitCount <= MaxExactDigits && Math.Abs(lastDigitPower) <= MaxExactPowerOfTen)
            {
                // Clinger's fast path: both operands are exact doubles, so one IEEE operation rounds correctly.
                magnitude = lastDigitPower >= 0 ? leadingValue * PowersOfTen[lastDigitPower] : leadingValue / PowersOfTen[-lastDigitPower];
            }
            else
            {
                magnitude = ParseExactly(text, firstDigit, end, digitCount, lastDigitPower);
            }

            return negative ? -magnitude : magnitude;
        }

        /// <summary>The exponent's value, clamped far beyond any double's range so that it cannot overflow.</summary>
        private static int ReadExponent(string text, int i, int end)
        {
            var negative = text[i] == '-';
            if (text[i] == '+' || text[i] == '-')
            {
                i++;
            }

            var value = 0;
            for (; i < end; i++)
            {
                value = Math.Min((value * 10) + (text[i] - '0'), 100_000_000);
            }

            return negative ? -value : value;
        }

        private static double ParseExactly(string text, int firstDigit, int end, int digitCount, int lastDigitPower)
        {
            // 0.1 × 10^magnitudeExponent <= value < 10^magnitudeExponent.
            var magnitudeExponent = (long)digitCount + lastDigitPower;
            if (magnitudeExponent > 310)
            {
                return double.PositiveInfinity;
            }

            if (magnitudeExponent < -324)
            {
                return 0.0;
            }

            var kept = Math.Min(digitCount, MaxSignificantDigits);
            var value = BigInteger.Zero;
            var chunk = 0UL;
            var chunkDigits = 0;
            var taken = 0;
            var sticky = false;
            for (var i = firstDigit; i < end && text[i] != 'e' && text[i] != 'E'; i++)
            {
                var c = text[i];
                if (c == '.')
                {
                    continue;
                }

                if (taken == kept)
                {
                    sticky |= c != '0';
                    continue;
                }

                chunk = (chunk * 10) + (ulong)(c - '0');
                taken++;
                if (++chunkDigits == 18)
                {
                    value = (value * 1_000_000_000_000_000_000) + chunk;
                    chunk = 0;
                    chunkDigits = 0;
                }
            }

            value = (value * BigInteger.Pow(10, chunkDigits)) + chunk;

            // A non-zero tail beyond the kept digits only breaks ties, as one more non-zero digit does.
            if (sticky)
            {
                value = (value * 10) + 1;
            }

            var power = lastDigitPower + (digitCount - kept) - (sticky ? 1 : 0);
            return power >= 0
                ? Ratio(value * BigInteger.Pow(10, power), BigInteger.One)
                : Ratio(value, BigInteger.Pow(10, -power));
        }

        /// <summary>numerator / denominator rounded to the nearest double, ties to even.</summary>
        private static double Ratio(BigInteger numerator, BigInteger denominator)
        {
            // Scale so that the quotient has 63 or 64 bits: far more than the 53 kept, with the remainder as sticky bit.
            var scale = 63 - (BitLength(numerator) - BitLength(denominator));
            if (scale >= 0)
            {
                numerator <<= scale;
            }
            else
            {
                denominator <<= -scale;
            }

            var quotient = (ulong)BigInteger.DivRem(numerator, denominator, out var remainder);
            return Compose(quotient, -scale, !remainder.IsZero);
        }

        /// <summary>(<paramref name="bits"/> + a fraction that is non-zero when <paramref name="sticky"/>) ×
        /// 2^<paramref name="exponent"/> rounded to a double, subnormals and overflow included.</summary>
        private static double Compose(ulong bits, int exponent, bool sticky)
        {
            var length = 64;
            while ((bits >> (length - 1)) == 0)
            {
                length--;
            }

            // The weight of the last mantissa bit: 53 bits for a normal double, fewer below 2^-1022.
            var lastBitExponent = Math.Max(exponent + length - 53, -1074);
            var drop = lastBitExponent - exponent;
            if (drop > 64)
            {
                return 0.0;
            }

            ulong mantissa, rest, half;
            if (drop == 64)
            {
                mantissa = 0;
                rest = bits;
                half = 1UL << 63;
            }
            else
            {
                mantissa = bits >> drop;
                rest = bits & ((1UL << drop) - 1);
                half = 1UL << (drop - 1);
            }

            if (rest > half || (rest == half && (sticky || (mantissa & 1) == 1)))
            {
                mantissa++;
                if (mantissa == 1UL << 53)
                {
                    mantissa >>= 1;
                    lastBitExponent++;
                }
            }

            if (lastBitExponent > 971)
            {
                return double.PositiveInfinity;
            }

            if (mantissa < 1UL << 52)
            {
                return BitConverter.Int64BitsToDouble((long)mantissa);
            }

            return BitConverter.Int64BitsToDouble(((long)(lastBitExponent + 1075) << 52) | (long)(mantissa & ((1UL << 52) - 1)));
        }

        private static int BitLength(BigInteger value)
        {
            var bytes = value.ToByteArray();
            var top = bytes[bytes.Length - 1];
            var length = (bytes.Length - 1) * 8;
            while (top != 0)
            {
                length++;
                top >>= 1;
            }

            return length;
        }
    }
}
