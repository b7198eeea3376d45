using System;
using System.Globalization;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// A semantic version as the ConfigCat SDKs read it (node-semver's strict grammar, which the JavaScript SDKs use):
    /// an optional leading 'v', numeric identifiers without leading zeros, components up to 2^53-1, at most 256
    /// characters. Precedence follows semver.org §11; build metadata is ignored.
    /// </summary>
    internal sealed class SemVersion : IComparable<SemVersion>
    {
        private const int MaxLength = 256;
        private const ulong MaxSafeInteger = 9007199254740991;

        private readonly ulong major;
        private readonly ulong minor;
        private readonly ulong patch;
        private readonly PrereleaseIdentifier[] prerelease;

        private SemVersion(ulong major, ulong minor, ulong patch, PrereleaseIdentifier[] prerelease)
        {
            this.major = major;
            this.minor = minor;
            this.patch = patch;
            this.prerelease = prerelease;
        }

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

            var prerelease = Array.Empty<PrereleaseIdentifier>();
            if (i < text.Length && text[i] == '-')
            {
                i++;
                var identifiers = ReadDotSeparated(text, ref i, stopAt: '+');
                if (identifiers == null)
                {
                    return null;
                }

                prerelease = new PrereleaseIdentifier[identifiers.Length];
                for (var k = 0; k < identifiers.Length; k++)
                {
                    var id = identifiers[k];
                    var numeric = IsAllDigits(id);
                    if (numeric && id.Length > 1 && id[0] == '0')
                    {
                        return null;
                    }

                    prerelease[k] = new PrereleaseIdentifier(id, numeric);
                }
            }

            if (i < text.Length && text[i] == '+')
            {
                i++;
                if (ReadDotSeparated(text, ref i, stopAt: null) == null)
                {
                    return null;
                }
            }

            return i == text.Length ? new SemVersion(major, minor, patch, prerelease) : null;
        }

        public int CompareTo(SemVersion? other)
        {
            if (other == null)
            {
                return 1;
            }

            var main = major != other.major ? major.CompareTo(other.major)
                : minor != other.minor ? minor.CompareTo(other.minor)
                : patch.CompareTo(other.patch);
            if (main != 0)
            {
                return main;
            }

            if (prerelease.Length == 0 || other.prerelease.Length == 0)
            {
                // A version without prerelease identifiers has the higher precedence.
                return other.prerelease.Length.CompareTo(prerelease.Length);
            }

            for (var i = 0; ; i++)
            {
                if (i == prerelease.Length || i == other.prerelease.Length)
                {
                    return prerelease.Length.CompareTo(other.prerelease.Length);
                }

                // node-semver decides at the first identifier that differs in text, even when the two compare equal
                // as numbers (beyond 2^53), so the identifiers after it never count.
                if (!prerelease[i].HasSameText(other.prerelease[i]))
                {
                    return prerelease[i].CompareTo(other.prerelease[i]);
                }
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
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
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

        /// <summary>Reads <c>[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*</c> up to <paramref name="stopAt"/> or the end.</summary>
        private static string[]? ReadDotSeparated(string text, ref int i, char? stopAt)
        {
            var start = i;
            while (i < text.Length && text[i] != stopAt)
            {
                var c = text[i];
                if (!(IsIdentifierChar(c) || c == '.'))
                {
                    return null;
                }

                i++;
            }

            var parts = text.Substring(start, i - start).Split('.');
            foreach (var part in parts)
            {
                if (part.Length == 0)
                {
                    return null;
                }
            }

            return parts;
        }

        private static bool IsIdentifierChar(char c) =>
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';

        private static bool IsAllDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private readonly struct PrereleaseIdentifier
        {
            private readonly string text;
            private readonly double? number;

            public PrereleaseIdentifier(string text, bool isNumeric)
            {
                this.text = text;
                number = isNumeric ? double.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : (double?)null;
            }

            public bool HasSameText(PrereleaseIdentifier other) => string.Equals(text, other.text, StringComparison.Ordinal);

            // Numeric identifiers sort before alphanumeric ones, which compare ordinally. node-semver compares numeric
            // ones as JavaScript numbers, so beyond 2^53 two identifiers that round to the same double are equal.
            public int CompareTo(PrereleaseIdentifier other)
            {
                if (number.HasValue && other.number.HasValue)
                {
                    return number.Value.CompareTo(other.number.Value);
                }

                if (number.HasValue != other.number.HasValue)
                {
                    return number.HasValue ? -1 : 1;
                }

                return Math.Sign(string.CompareOrdinal(text, other.text));
            }
        }
    }
}
