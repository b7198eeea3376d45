using System;
using System.Collections.Generic;
using ConfigCat.Engine.Hashing;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// Evaluates one user condition: finds the attribute, reads it the way the comparator needs (text, version, number,
    /// Unix time or string array, warning when it had to convert or could not read it), then compares it with the
    /// comparison data prepared when the config was loaded.
    /// </summary>
    internal static class UserConditionEvaluator
    {
        /// <summary>Texts up to this many UTF-8 bytes are hashed from a stack buffer sized to the text (the runtime
        /// zeroes stack buffers, so a fixed-size one would cost its whole size on every hashed comparison).</summary>
        private const int StackLimit = 256;

        public static ConditionResult Evaluate(UserCondition condition, ref EvaluationContext context)
        {
            context.Log?.AppendUserCondition(condition);
            var user = context.User;
            if (user == null)
            {
                Evaluator.LogUserObjectMissingOnce(ref context);
                return ConditionResult.UserMissing;
            }

            var attributeName = condition.ComparisonAttribute ?? throw new InvalidConfigModelException("Comparison attribute name is missing.");
            var value = user.GetAttribute(condition.AttributeKind, attributeName);
            if (value == null || (value is string text && text.Length == 0))
            {
                if (context.Logger.IsEnabled(LogLevel.Warning))
                {
                    context.Logger.UserObjectAttributeIsMissingCondition(EvaluationLogBuilder.FormatUserCondition(condition), context.Key, attributeName);
                }

                return ConditionResult.MissingAttribute(attributeName);
            }

            if (condition.ModelError != null)
            {
                throw new InvalidConfigModelException(condition.ModelError);
            }

            switch (condition.Comparator)
            {
                case UserComparator.TextEquals:
                case UserComparator.TextNotEquals:
                    return ConditionResult.Of(string.Equals(AsText(value, condition, ref context), condition.Texts[0], StringComparison.Ordinal)
                        != (condition.Comparator == UserComparator.TextNotEquals));

                case UserComparator.TextIsOneOf:
                case UserComparator.TextIsNotOneOf:
                    return ConditionResult.Of(IsOneOf(AsText(value, condition, ref context), condition.Texts)
                        != (condition.Comparator == UserComparator.TextIsNotOneOf));

                case UserComparator.TextContainsAnyOf:
                case UserComparator.TextNotContainsAnyOf:
                    return ConditionResult.Of(ContainsAnyOf(AsText(value, condition, ref context), condition.Texts)
                        != (condition.Comparator == UserComparator.TextNotContainsAnyOf));

                case UserComparator.TextStartsWithAnyOf:
                case UserComparator.TextNotStartsWithAnyOf:
                    return ConditionResult.Of(StartsWithAnyOf(AsText(value, condition, ref context), condition.Texts)
                        != (condition.Comparator == UserComparator.TextNotStartsWithAnyOf));

                case UserComparator.TextEndsWithAnyOf:
                case UserComparator.TextNotEndsWithAnyOf:
                    return ConditionResult.Of(EndsWithAnyOf(AsText(value, condition, ref context), condition.Texts)
                        != (condition.Comparator == UserComparator.TextNotEndsWithAnyOf));

                case UserComparator.SensitiveTextEquals:
                case UserComparator.SensitiveTextNotEquals:
                case UserComparator.SensitiveTextIsOneOf:
                case UserComparator.SensitiveTextIsNotOneOf:
                    return ConditionResult.Of(HashIsOneOf(AsText(value, condition, ref context), condition)
                        != (condition.Comparator == UserComparator.SensitiveTextNotEquals || condition.Comparator == UserComparator.SensitiveTextIsNotOneOf));

                case UserComparator.SensitiveTextStartsWithAnyOf:
                case UserComparator.SensitiveTextNotStartsWithAnyOf:
                case UserComparator.SensitiveTextEndsWithAnyOf:
                case UserComparator.SensitiveTextNotEndsWithAnyOf:
                    return ConditionResult.Of(HashedSliceMatches(AsText(value, condition, ref context), condition)
                        != (condition.Comparator == UserComparator.SensitiveTextNotStartsWithAnyOf || condition.Comparator == UserComparator.SensitiveTextNotEndsWithAnyOf));

                case UserComparator.SemVerIsOneOf:
                case UserComparator.SemVerIsNotOneOf:
                {
                    var version = AsSemVersion(value, attributeName, condition, ref context, out var invalid);
                    return version == null ? invalid : ConditionResult.Of(SemVersionIsOneOf(version.Value, condition));
                }

                case UserComparator.SemVerLess:
                case UserComparator.SemVerLessOrEquals:
                case UserComparator.SemVerGreater:
                case UserComparator.SemVerGreaterOrEquals:
                {
                    var version = AsSemVersion(value, attributeName, condition, ref context, out var invalid);
                    return version == null ? invalid : ConditionResult.Of(SemVersionRelation(version.Value, condition));
                }

                case UserComparator.NumberEquals:
                case UserComparator.NumberNotEquals:
                case UserComparator.NumberLess:
                case UserComparator.NumberLessOrEquals:
                case UserComparator.NumberGreater:
                case UserComparator.NumberGreaterOrEquals:
                {
                    if (!TryGetNumber(value, out var number))
                    {
                        return Invalid(attributeName, value, "is not a valid decimal number", condition, ref context);
                    }

                    return ConditionResult.Of(NumberRelation(number, condition.Comparator, condition.NumberValue!.Value));
                }

                case UserComparator.DateTimeBefore:
                case UserComparator.DateTimeAfter:
                {
                    if (!UserAttributeValues.TryGetUnixSeconds(value, out var seconds) && !TryGetNumber(value, out seconds))
                    {
                        return Invalid(attributeName, value, "is not a valid Unix timestamp (number of seconds elapsed since Unix epoch)", condition, ref context);
                    }

                    var comparison = condition.NumberValue!.Value;
                    return ConditionResult.Of(condition.Comparator == UserComparator.DateTimeBefore ? seconds < comparison : seconds > comparison);
                }

                case UserComparator.ArrayContainsAnyOf:
                case UserComparator.ArrayNotContainsAnyOf:
                case UserComparator.SensitiveArrayContainsAnyOf:
                case UserComparator.SensitiveArrayNotContainsAnyOf:
                {
                    var items = AsStringArray(value, context.User!.TextIsOneItemArray);
                    if (items == null)
                    {
                        return Invalid(attributeName, value, "is not a valid string array", condition, ref context);
                    }

                    var found = condition.Comparator == UserComparator.ArrayContainsAnyOf || condition.Comparator == UserComparator.ArrayNotContainsAnyOf
                        ? ArrayContainsAnyOf(items, condition.Texts)
                        : HashedArrayContainsAnyOf(items, condition);
                    return ConditionResult.Of(found != (condition.Comparator == UserComparator.ArrayNotContainsAnyOf || condition.Comparator == UserComparator.SensitiveArrayNotContainsAnyOf));
                }

                default:
                    throw new InvalidConfigModelException(Parsing.ConfigLinker.InvalidComparator);
            }
        }

        private static string AsText(object value, UserCondition condition, ref EvaluationContext context)
        {
            if (value is string text)
            {
                return text;
            }

            var converted = UserAttributeValues.ToText(value);
            if (context.Logger.IsEnabled(LogLevel.Warning))
            {
                context.Logger.UserObjectAttributeIsAutoConverted(EvaluationLogBuilder.FormatUserCondition(condition), context.Key, condition.ComparisonAttribute!, converted);
            }

            return converted;
        }

        private static SemVersion? AsSemVersion(object value, string attributeName, UserCondition condition, ref EvaluationContext context, out ConditionResult invalid)
        {
            SemVersion? version = null;
            if (value is string text)
            {
                if (!ReferenceEquals(text, context.ParsedVersionText))
                {
                    context.ParsedVersion = SemVersion.Parse(JsWhitespace.Trim(text));
                    context.ParsedVersionText = text;
                }

                version = context.ParsedVersion;
            }

            invalid = version == null ? Invalid(attributeName, value, "is not a valid semantic version", condition, ref context) : default;
            return version;
        }

        private static bool TryGetNumber(object value, out double number) =>
            UserAttributeValues.TryGetNumber(value, out number) || (value is string text && UserAttributeValues.TryParseNumber(text, out number));

        private static IReadOnlyList<string>? AsStringArray(object value, bool textIsOneItemArray) => value switch
        {
            IReadOnlyList<string> list => list,
            string text => JsJson.TryParseStringArray(text) ?? (textIsOneItemArray ? new[] { text } : null),
            _ => null,
        };

        private static ConditionResult Invalid(string attributeName, object value, string problem, UserCondition condition, ref EvaluationContext context)
        {
            if (context.Logger.IsEnabled(LogLevel.Warning))
            {
                context.Logger.UserObjectAttributeIsInvalid(EvaluationLogBuilder.FormatUserCondition(condition), context.Key, ConditionResult.InvalidReason(value, problem), attributeName);
            }

            return ConditionResult.InvalidAttribute(attributeName, value, problem);
        }

        private static bool IsOneOf(string text, string[] items)
        {
            foreach (var item in items)
            {
                if (string.Equals(text, item, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ContainsAnyOf(string text, string[] items)
        {
            foreach (var item in items)
            {
                if (text.IndexOf(item, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StartsWithAnyOf(string text, string[] items)
        {
            foreach (var item in items)
            {
                if (text.StartsWith(item, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EndsWithAnyOf(string text, string[] items)
        {
            foreach (var item in items)
            {
                if (text.EndsWith(item, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ArrayContainsAnyOf(IReadOnlyList<string> items, string[] comparisonValues)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (IsOneOf(items[i], comparisonValues))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HashedArrayContainsAnyOf(IReadOnlyList<string> items, UserCondition condition)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (HashIsOneOf(items[i], condition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HashIsOneOf(string text, UserCondition condition)
        {
            var hash = HashText(text, condition.HashSuffix!);
            foreach (var candidate in condition.Hashes!)
            {
                if (hash.Equals(candidate))
                {
                    return true;
                }
            }

            return false;
        }

        private static Hash256 HashText(string text, byte[] suffix)
        {
            var max = JsUtf8.MaxByteCount(text.Length);
            Span<byte> buffer = max <= StackLimit ? stackalloc byte[max] : new byte[max];
            var length = JsUtf8.Encode(text, buffer);
            return Sha256.Hash(buffer.Slice(0, length), suffix);
        }

        private static bool HashedSliceMatches(string text, UserCondition condition)
        {
            var max = JsUtf8.MaxByteCount(text.Length);
            Span<byte> buffer = max <= StackLimit ? stackalloc byte[max] : new byte[max];
            var length = JsUtf8.Encode(text, buffer);
            var utf8 = buffer.Slice(0, length);
            var startsWith = condition.Comparator == UserComparator.SensitiveTextStartsWithAnyOf || condition.Comparator == UserComparator.SensitiveTextNotStartsWithAnyOf;
            foreach (var slice in condition.HashedSlices!)
            {
                if (length < slice.ByteLength || !slice.HashIsValid)
                {
                    continue;
                }

                var part = startsWith ? utf8.Slice(0, slice.ByteLength) : utf8.Slice(length - slice.ByteLength);
                if (Sha256.Hash(part, condition.HashSuffix).Equals(slice.Hash))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>IS (NOT) ONE OF for versions. Any invalid comparison value makes the result false for both forms.</summary>
        private static bool SemVersionIsOneOf(SemVersion version, UserCondition condition)
        {
            if (condition.HasInvalidSemVersion)
            {
                return false;
            }

            var found = false;
            foreach (var candidate in condition.SemVersions!)
            {
                if (version.CompareTo(candidate) == 0)
                {
                    found = true;
                    break;
                }
            }

            return found != (condition.Comparator == UserComparator.SemVerIsNotOneOf);
        }

        private static bool SemVersionRelation(SemVersion version, UserCondition condition)
        {
            if (condition.SemVersion == null)
            {
                return false;
            }

            var c = version.CompareTo(condition.SemVersion.Value);
            return condition.Comparator switch
            {
                UserComparator.SemVerLess => c < 0,
                UserComparator.SemVerLessOrEquals => c <= 0,
                UserComparator.SemVerGreater => c > 0,
                _ => c >= 0,
            };
        }

        private static bool NumberRelation(double number, UserComparator comparator, double comparisonValue) => comparator switch
        {
            UserComparator.NumberEquals => number == comparisonValue,
            UserComparator.NumberNotEquals => number != comparisonValue,
            UserComparator.NumberLess => number < comparisonValue,
            UserComparator.NumberLessOrEquals => number <= comparisonValue,
            UserComparator.NumberGreater => number > comparisonValue,
            _ => number >= comparisonValue,
        };
    }
}
