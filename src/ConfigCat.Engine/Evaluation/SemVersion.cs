using System;
using System.Globalization;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// A semantic version as the ConfigCat SDKs read it (node-semver's strict grammar, which the JavaScript SDKs use):
    /// an optional leading 'v', numeric identifiers without leading zeros, components up to 2^53-1, at most 256
    /// characters. Precedence follows semver.org §11; build metadata is ignored.
    /// </summary>
    internal readonly struct SemVersion : IComparable<SemVersion>
    {
        private const int MaxLength = 256;
        private const ulong MaxSafeInteger = 9007199254740991;

        /// <summary>Up to this many digits a numeric identifier is an exact integer, so it needs no double parsing.</summary>
        private const int ExactDigits = 15;

        private readonly ulong major;
        private readonly ulong minor;
        private readonly ulong patch;

        // The prerelease identifiers stay in the parsed text, as the range [prereleaseStart, prereleaseEnd) of
        // dot-separated identifiers (empty without any), so parsing allocates nothing.
        private readonly string text;
        private readonly int prereleaseStart;
        private readonly int prereleaseEnd;

        private SemVersion(ulong major, ulong minor, ulong patch, string text, int prereleaseStart, int prereleaseEnd)
        {
            this.major = major;
            this.minor = minor;
            this.patch = patch;
            this.text = text;
            this.prereleaseStart = prereleaseStart;
            this.prereleaseEnd = prereleaseEnd;
        }

        private bool HasPrerelease => prereleaseEnd > prereleaseStart;

        /// <summary>Parses an already trimmed text; null when it is not a valid version.</summary>
        public static SemVersion? Parse(string text)
        {
            if (text.Length == 0 || text.Length > MaxLength)
            {
                return null;
            }

            var i = text[0] == 'v' ? 1 : 0;
            if (!TryReadNumericIdentifier(text, ref i, out var major) || !Expect(text, ref i, '.')
                || !TryReadNumericIdentifier(text, ref i, out var minor) || !Expect(text, ref i, '.')
                || !TryReadNumericIdentifier(text, ref i, out var patch))
            {
                return null;
            }

            var prereleaseStart = i;
            var prereleaseEnd = i;
            if (i < text.Length && text[i] == '-')
            {
                prereleaseStart = ++i;
                if (!TrySkipIdentifiers(text, ref i, prerelease: true))
                {
                    return null;
                }

                prereleaseEnd = i;
            }

            if (i < text.Length && text[i] == '+')
            {
                i++;
                if (!TrySkipIdentifiers(text, ref i, prerelease: false))
                {
                    return null;
                }
            }

            return i == text.Length ? new SemVersion(major, minor, patch, text, prereleaseStart, prereleaseEnd) : null;
        }

        public int CompareTo(SemVersion other)
        {
            var main = major != other.major ? major.CompareTo(other.major)
                : minor != other.minor ? minor.CompareTo(other.minor)
                : patch.CompareTo(other.patch);
            if (main != 0)
            {
                return main;
            }

            if (!HasPrerelease || !other.HasPrerelease)
            {
                // A version without prerelease identifiers has the higher precedence.
                return HasPrerelease == other.HasPrerelease ? 0 : HasPrerelease ? -1 : 1;
            }

            var i = prereleaseStart;
            var j = other.prereleaseStart;
            while (true)
            {
                var ended = i >= prereleaseEnd;
                var otherEnded = j >= other.prereleaseEnd;
                if (ended || otherEnded)
                {
                    // More identifiers (all equal so far) is the higher precedence.
                    return ended == otherEnded ? 0 : ended ? -1 : 1;
                }

                var end = IdentifierEnd(text, i, prereleaseEnd);
                var otherEnd = IdentifierEnd(other.text, j, other.prereleaseEnd);

                // node-semver decides at the first identifier that differs in text, even when the two compare equal
                // as numbers (beyond 2^53), so the identifiers after it never count.
                if (CompareOrdinal(text, i, end, other.text, j, otherEnd) != 0)
                {
                    return CompareIdentifiers(text, i, end, other.text, j, otherEnd);
                }

                i = end + 1;
                j = otherEnd + 1;
            }
        }

        private static bool Expect(string text, ref int i, char c)
        {
            if (i < text.Length && text[i] == c)
            {
                i++;
                return true;
            }

            return false;
        }

        private static bool TryReadNumericIdentifier(string text, ref int i, out ulong value)
        {
            value = 0;
            var start = i;
            while (i < text.Length && IsDigit(text[i]))
            {
                if (i - start >= 17)
                {
                    return false;
                }

                value = (value * 10) + (ulong)(text[i] - '0');
                i++;
            }

            var length = i - start;
            return length > 0 && !(length > 1 && text[start] == '0') && value <= MaxSafeInteger;
        }

        /// <summary>Skips <c>[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*</c>, up to a '+' for prerelease identifiers (which also
        /// must not be numeric with a leading zero) or to the end for build metadata.</summary>
        private static bool TrySkipIdentifiers(string text, ref int i, bool prerelease)
        {
            var start = i;
            while (true)
            {
                if (i == text.Length || text[i] == '.' || (prerelease && text[i] == '+'))
                {
                    var length = i - start;
                    if (length == 0 || (prerelease && length > 1 && text[start] == '0' && IsNumeric(text, start, i)))
                    {
                        return false;
                    }

                    if (i == text.Length || text[i] != '.')
                    {
                        return true;
                    }

                    start = ++i;
                    continue;
                }

                if (!IsIdentifierChar(text[i]))
                {
                    return false;
                }

                i++;
            }
        }

        private static int IdentifierEnd(string text, int start, int end)
        {
            var dot = text.IndexOf('.', start, end - start);
            return dot < 0 ? end : dot;
        }

        /// <summary>Numeric identifiers sort before alphanumeric ones, which compare ordinally. node-semver compares
        /// numeric ones as JavaScript numbers, so beyond 2^53 two identifiers that round to the same double are equal.</summary>
        private static int CompareIdentifiers(string a, int aStart, int aEnd, string b, int bStart, int bEnd)
        {
            var aNumeric = IsNumeric(a, aStart, aEnd);
            var bNumeric = IsNumeric(b, bStart, bEnd);
            if (aNumeric && bNumeric)
            {
                return NumberOf(a, aStart, aEnd).CompareTo(NumberOf(b, bStart, bEnd));
            }

            if (aNumeric != bNumeric)
            {
                return aNumeric ? -1 : 1;
            }

            return CompareOrdinal(a, aStart, aEnd, b, bStart, bEnd);
        }

        private static double NumberOf(string text, int start, int end)
        {
            if (end - start > ExactDigits)
            {
                return double.Parse(text.Substring(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture);
            }

            long value = 0;
            for (var i = start; i < end; i++)
            {
                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }

        /// <summary>-1, 0 or 1 as <see cref="string.CompareOrdinal(string, string)"/> of the two ranges would order them.</summary>
        private static int CompareOrdinal(string a, int aStart, int aEnd, string b, int bStart, int bEnd)
        {
            var aLength = aEnd - aStart;
            var bLength = bEnd - bStart;
            var common = Math.Min(aLength, bLength);
            for (var k = 0; k < common; k++)
            {
                var difference = a[aStart + k] - b[bStart + k];
                if (difference != 0)
                {
                    return Math.Sign(difference);
                }
            }

            return aLength.CompareTo(bLength);
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsIdentifierChar(char c) =>
            IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';

        private static bool IsNumeric(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!IsDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
