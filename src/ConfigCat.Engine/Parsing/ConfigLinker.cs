using System.Collections.Generic;
using System.Globalization;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Hashing;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Parsing
{
    /// <summary>
    /// Prepares a freshly parsed config for fast evaluation: resolves segment references, gives every setting its
    /// config's salt, and pre-computes each user condition's comparison data (parsed versions, decoded digests,
    /// salt bytes). Problems found here are stored on the condition and raised only if it is ever evaluated.
    /// </summary>
    internal static class ConfigLinker
    {
        public const string MissingComparisonValue = "Comparison value is missing or invalid.";
        public const string InvalidComparisonValue = "Comparison value is invalid.";
        public const string InvalidComparator = "Comparison operator is invalid.";
        public const string MissingSalt = "Config JSON salt is missing.";

        public static void Link(Config config)
        {
            var salt = config.Salt;
            foreach (var segment in config.SegmentArray)
            {
                foreach (var condition in segment.ConditionArray)
                {
                    Prepare(condition, salt, segment.Name ?? string.Empty);
                }
            }

            foreach (var pair in config.Settings)
            {
                var setting = pair.Value;
                setting.ConfigSalt = salt;
                foreach (var rule in setting.RuleArray)
                {
                    foreach (var condition in rule.ConditionArray)
                    {
                        switch (condition)
                        {
                            case UserCondition user:
                                Prepare(user, salt, pair.Key);
                                break;
                            case SegmentCondition segment:
                                segment.Segment = segment.SegmentIndex >= 0 && segment.SegmentIndex < config.SegmentArray.Length
                                    ? config.SegmentArray[segment.SegmentIndex]
                                    : null;
                                break;
                        }
                    }
                }
            }
        }

        private static void Prepare(UserCondition condition, string? salt, string contextSalt)
        {
            var list = condition.StringListValue;
            var text = condition.StringValue;
            switch (condition.Comparator)
            {
                case UserComparator.TextIsOneOf:
                case UserComparator.TextIsNotOneOf:
                case UserComparator.TextContainsAnyOf:
                case UserComparator.TextNotContainsAnyOf:
                case UserComparator.TextStartsWithAnyOf:
                case UserComparator.TextNotStartsWithAnyOf:
                case UserComparator.TextEndsWithAnyOf:
                case UserComparator.TextNotEndsWithAnyOf:
                case UserComparator.ArrayContainsAnyOf:
                case UserComparator.ArrayNotContainsAnyOf:
                    if (RequireList(condition))
                    {
                        condition.Texts = ToArray(list!);
                    }

                    break;

                case UserComparator.TextEquals:
                case UserComparator.TextNotEquals:
                    if (RequireText(condition))
                    {
                        condition.Texts = new[] { text! };
                    }

                    break;

                case UserComparator.SemVerIsOneOf:
                case UserComparator.SemVerIsNotOneOf:
                    if (RequireList(condition))
                    {
                        PrepareSemVersionList(condition, list!);
                    }

                    break;

                case UserComparator.SemVerLess:
                case UserComparator.SemVerLessOrEquals:
                case UserComparator.SemVerGreater:
                case UserComparator.SemVerGreaterOrEquals:
                    if (RequireText(condition))
                    {
                        condition.SemVersion = SemVersion.Parse(JsWhitespace.Trim(text!));
                    }

                    break;

                case UserComparator.NumberEquals:
                case UserComparator.NumberNotEquals:
                case UserComparator.NumberLess:
                case UserComparator.NumberLessOrEquals:
                case UserComparator.NumberGreater:
                case UserComparator.NumberGreaterOrEquals:
                case UserComparator.DateTimeBefore:
                case UserComparator.DateTimeAfter:
                    if (condition.NumberValue == null)
                    {
                        condition.ModelError = MissingComparisonValue;
                    }

                    break;

                case UserComparator.SensitiveTextIsOneOf:
                case UserComparator.SensitiveTextIsNotOneOf:
                case UserComparator.SensitiveArrayContainsAnyOf:
                case UserComparator.SensitiveArrayNotContainsAnyOf:
                    if (RequireList(condition) && RequireSalt(condition, salt, contextSalt))
                    {
                        condition.Hashes = DecodeHashes(list!);
                    }

                    break;

                case UserComparator.SensitiveTextEquals:
                case UserComparator.SensitiveTextNotEquals:
                    if (RequireText(condition) && RequireSalt(condition, salt, contextSalt))
                    {
                        condition.Hashes = DecodeHashes(new[] { text! });
                    }

                    break;

                case UserComparator.SensitiveTextStartsWithAnyOf:
                case UserComparator.SensitiveTextNotStartsWithAnyOf:
                case UserComparator.SensitiveTextEndsWithAnyOf:
                case UserComparator.SensitiveTextNotEndsWithAnyOf:
                    if (RequireList(condition) && RequireSalt(condition, salt, contextSalt))
                    {
                        PrepareHashedSlices(condition, list!);
                    }

                    break;

                default:
                    condition.ModelError = InvalidComparator;
                    break;
            }
        }

        private static bool RequireList(UserCondition condition)
        {
            if (condition.StringListValue == null)
            {
                condition.ModelError = MissingComparisonValue;
                return false;
            }

            return true;
        }

        private static bool RequireText(UserCondition condition)
        {
            if (condition.StringValue == null)
            {
                condition.ModelError = MissingComparisonValue;
                return false;
            }

            return true;
        }

        private static bool RequireSalt(UserCondition condition, string? salt, string contextSalt)
        {
            if (string.IsNullOrEmpty(salt))
            {
                condition.ModelError = MissingSalt;
                return false;
            }

            var saltBytes = JsUtf8.GetBytes(salt!);
            var contextBytes = JsUtf8.GetBytes(contextSalt);
            var suffix = new byte[saltBytes.Length + contextBytes.Length];
            saltBytes.CopyTo(suffix, 0);
            contextBytes.CopyTo(suffix, saltBytes.Length);
            condition.HashSuffix = suffix;
            return true;
        }

        private static void PrepareSemVersionList(UserCondition condition, IReadOnlyList<string> items)
        {
            var versions = new List<SemVersion>(items.Count);
            foreach (var item in items)
            {
                // Empty items are skipped and an invalid one makes the whole condition false, which is how earlier
                // versions of the SDKs behaved and the current ones keep doing.
                if (item.Length == 0)
                {
                    continue;
                }

                var version = SemVersion.Parse(JsWhitespace.Trim(item));
                if (version == null)
                {
                    condition.HasInvalidSemVersion = true;
                }
                else
                {
                    versions.Add(version.Value);
                }
            }

            condition.SemVersions = versions.ToArray();
        }

        private static Hash256[] DecodeHashes(IReadOnlyList<string> items)
        {
            var hashes = new List<Hash256>(items.Count);
            foreach (var item in items)
            {
                if (Hash256.TryParseHex(item, out var hash))
                {
                    hashes.Add(hash);
                }
            }

            return hashes.ToArray();
        }

        private static void PrepareHashedSlices(UserCondition condition, IReadOnlyList<string> items)
        {
            var slices = new HashedSlice[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var separator = item.IndexOf('_');
                if (separator < 0 || !TryParseSliceLength(item, separator, out var length))
                {
                    condition.ModelError = InvalidComparisonValue;
                    return;
                }

                var isValid = Hash256.TryParseHex(item.Substring(separator + 1), out var hash);
                slices[i] = new HashedSlice(length, hash, isValid);
            }

            condition.HashedSlices = slices;
        }

        /// <summary>The byte length before the '_', read like JavaScript's <c>parseInt</c> (leading white space
        /// allowed, digits up to the first non-digit), which is how the SDKs read it.</summary>
        private static bool TryParseSliceLength(string item, int separator, out int length)
        {
            length = 0;
            var i = 0;
            while (i < separator && JsWhitespace.IsWhiteSpace(item[i]))
            {
                i++;
            }

            var start = i;
            while (i < separator && item[i] >= '0' && item[i] <= '9' && length < 100_000_000)
            {
                length = (length * 10) + (item[i] - '0');
                i++;
            }

            return i > start;
        }

        private static string[] ToArray(IReadOnlyList<string> list)
        {
            var array = new string[list.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = list[i];
            }

            return array;
        }
    }
}
