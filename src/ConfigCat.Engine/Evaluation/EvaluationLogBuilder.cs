using System.Collections.Generic;
using System.Text;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// Writes the evaluation log (event 5000) that explains, rule by rule, why a value was chosen, in exactly the text
    /// of the ConfigCat SDKs. Only created when Info logging is enabled, because building it costs allocations.
    /// </summary>
    internal sealed class EvaluationLogBuilder
    {
        private const string InvalidValue = "<invalid value>";
        private const string InvalidName = "<invalid name>";
        private const string InvalidOperator = "<invalid operator>";
        private const string InvalidReference = "<invalid reference>";
        private const string InvalidCondition = "<invalid condition>";
        private const int StringListMaxLength = 10;

        private readonly StringBuilder log = new StringBuilder(256);
        private string indent = string.Empty;

        public EvaluationLogBuilder ResetIndent()
        {
            indent = string.Empty;
            return this;
        }

        public EvaluationLogBuilder IncreaseIndent()
        {
            indent += "  ";
            return this;
        }

        public EvaluationLogBuilder DecreaseIndent()
        {
            indent = indent.Substring(0, indent.Length - 2);
            return this;
        }

        public EvaluationLogBuilder NewLine(string text = "")
        {
            log.Append('\n').Append(indent).Append(text);
            return this;
        }

        public EvaluationLogBuilder Append(string text)
        {
            log.Append(text);
            return this;
        }

        public override string ToString() => log.ToString();

        public EvaluationLogBuilder AppendUserCondition(UserCondition condition)
        {
            AppendUserConditionTo(log, condition);
            return this;
        }

        public EvaluationLogBuilder AppendSegmentCondition(SegmentCondition condition)
        {
            AppendSegmentConditionTo(log, condition);
            return this;
        }

        public EvaluationLogBuilder AppendPrerequisiteFlagCondition(PrerequisiteFlagCondition condition, SettingsMap settings)
        {
            AppendPrerequisiteFlagConditionTo(log, condition, settings);
            return this;
        }

        public EvaluationLogBuilder AppendConditionResult(bool result) => Append(result ? "true" : "false");

        public EvaluationLogBuilder AppendConditionConsequence(bool result)
        {
            Append(" => ").AppendConditionResult(result);
            return result ? this : Append(", skipping the remaining AND conditions");
        }

        public EvaluationLogBuilder AppendTargetingRuleConsequence(TargetingRule rule, ConditionResult result, bool newLine)
        {
            IncreaseIndent();
            if (newLine)
            {
                NewLine();
            }
            else
            {
                Append(" ");
            }

            Append("THEN").Append(rule.ServedValue != null ? " '" + FormatValue(rule.ServedValue.Value) + "'" : " % options");
            Append(" => ").Append(result.IsError ? result.Error! : result.IsMatch ? "MATCH, applying rule" : "no match");
            return DecreaseIndent();
        }

        /// <summary>A setting value as the log prints it; <c>&lt;invalid value&gt;</c> when it is missing or unsupported.</summary>
        public static string FormatValue(SettingValue value) => value.HasValue ? JsValueFormatter.Format(value.Value) : InvalidValue;

        /// <summary>The condition text used inside warnings 3003, 3004 and 3005.</summary>
        public static string FormatUserCondition(UserCondition condition)
        {
            var builder = new StringBuilder(64);
            AppendUserConditionTo(builder, condition);
            return builder.ToString();
        }

        /// <summary>A targeting rule's conditions on one line, each as the log writes it, AND-ed as the log AND-s them.
        /// Without <paramref name="settings"/> a prerequisite flag key is shown as it is, unchecked.</summary>
        public static string FormatConditions(IReadOnlyList<Condition?> conditions, SettingsMap? settings = null)
        {
            var builder = new StringBuilder(64 * conditions.Count);
            for (var i = 0; i < conditions.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(" AND ");
                }

                switch (conditions[i])
                {
                    case UserCondition user:
                        AppendUserConditionTo(builder, user);
                        break;
                    case SegmentCondition segment:
                        AppendSegmentConditionTo(builder, segment);
                        break;
                    case PrerequisiteFlagCondition prerequisite:
                        AppendPrerequisiteFlagConditionTo(builder, prerequisite, settings);
                        break;
                    default:
                        builder.Append(InvalidCondition);
                        break;
                }
            }

            return builder.ToString();
        }

        private static void AppendSegmentConditionTo(StringBuilder builder, SegmentCondition condition)
        {
            var segment = condition.Segment;
            var name = segment == null ? InvalidReference : string.IsNullOrEmpty(segment.Name) ? InvalidName : segment.Name;
            builder.Append("User ").Append(FormatSegmentComparator(condition.Comparator)).Append(" '").Append(name).Append('\'');
        }

        private static void AppendPrerequisiteFlagConditionTo(StringBuilder builder, PrerequisiteFlagCondition condition, SettingsMap? settings)
        {
            var key = condition.PrerequisiteFlagKey == null ? InvalidName
                : settings != null && !settings.ContainsKey(condition.PrerequisiteFlagKey) ? InvalidReference
                : condition.PrerequisiteFlagKey;
            builder.Append("Flag '").Append(key).Append("' ").Append(FormatPrerequisiteComparator(condition.Comparator))
                .Append(" '").Append(FormatValue(condition.ComparisonValue)).Append('\'');
        }

        private static void AppendUserConditionTo(StringBuilder builder, UserCondition condition)
        {
            var attribute = condition.ComparisonAttribute ?? InvalidName;
            var comparator = condition.Comparator;
            builder.Append("User.").Append(attribute).Append(' ').Append(FormatUserComparator(comparator)).Append(' ');
            switch (comparator)
            {
                case UserComparator.TextIsOneOf:
                case UserComparator.TextIsNotOneOf:
                case UserComparator.TextContainsAnyOf:
                case UserComparator.TextNotContainsAnyOf:
                case UserComparator.SemVerIsOneOf:
                case UserComparator.SemVerIsNotOneOf:
                case UserComparator.TextStartsWithAnyOf:
                case UserComparator.TextNotStartsWithAnyOf:
                case UserComparator.TextEndsWithAnyOf:
                case UserComparator.TextNotEndsWithAnyOf:
                case UserComparator.ArrayContainsAnyOf:
                case UserComparator.ArrayNotContainsAnyOf:
                    AppendList(builder, condition.StringListValue, hashed: false);
                    break;
                case UserComparator.SensitiveTextIsOneOf:
                case UserComparator.SensitiveTextIsNotOneOf:
                case UserComparator.SensitiveTextStartsWithAnyOf:
                case UserComparator.SensitiveTextNotStartsWithAnyOf:
                case UserComparator.SensitiveTextEndsWithAnyOf:
                case UserComparator.SensitiveTextNotEndsWithAnyOf:
                case UserComparator.SensitiveArrayContainsAnyOf:
                case UserComparator.SensitiveArrayNotContainsAnyOf:
                    AppendList(builder, condition.StringListValue, hashed: true);
                    break;
                case UserComparator.SemVerLess:
                case UserComparator.SemVerLessOrEquals:
                case UserComparator.SemVerGreater:
                case UserComparator.SemVerGreaterOrEquals:
                case UserComparator.TextEquals:
                case UserComparator.TextNotEquals:
                    builder.Append('\'').Append(condition.StringValue ?? InvalidValue).Append('\'');
                    break;
                case UserComparator.SensitiveTextEquals:
                case UserComparator.SensitiveTextNotEquals:
                    builder.Append('\'').Append(condition.StringValue == null ? InvalidValue : "<hashed value>").Append('\'');
                    break;
                case UserComparator.NumberEquals:
                case UserComparator.NumberNotEquals:
                case UserComparator.NumberLess:
                case UserComparator.NumberLessOrEquals:
                case UserComparator.NumberGreater:
                case UserComparator.NumberGreaterOrEquals:
                    builder.Append('\'').Append(condition.NumberValue is double number ? JsNumberFormatter.Format(number) : InvalidValue).Append('\'');
                    break;
                case UserComparator.DateTimeBefore:
                case UserComparator.DateTimeAfter:
                    if (condition.NumberValue is double seconds)
                    {
                        builder.Append('\'').Append(JsNumberFormatter.Format(seconds)).Append('\'');
                        var iso = JsDate.FormatUnixSeconds(seconds);
                        if (iso != null)
                        {
                            builder.Append(" (").Append(iso).Append(" UTC)");
                        }
                    }
                    else
                    {
                        builder.Append('\'').Append(InvalidValue).Append('\'');
                    }

                    break;
                default:
                    var raw = condition.StringValue
                        ?? (condition.NumberValue is double d ? JsNumberFormatter.Format(d) : null)
                        ?? (condition.StringListValue != null ? string.Join(",", condition.StringListValue) : null)
                        ?? InvalidValue;
                    builder.Append('\'').Append(raw).Append('\'');
                    break;
            }
        }

        private static void AppendList(StringBuilder builder, IReadOnlyList<string>? items, bool hashed)
        {
            if (items == null)
            {
                builder.Append('\'').Append(InvalidValue).Append('\'');
                return;
            }

            if (hashed)
            {
                builder.Append("[<").Append(items.Count).Append(" hashed ").Append(items.Count == 1 ? "value" : "values").Append(">]");
                return;
            }

            builder.Append('[');
            var shown = items.Count > StringListMaxLength ? StringListMaxLength : items.Count;
            for (var i = 0; i < shown; i++)
            {
                builder.Append(i == 0 ? "'" : ", '").Append(items[i]).Append('\'');
            }

            if (items.Count > shown)
            {
                var more = items.Count - shown;
                builder.Append(", ... <").Append(more).Append(" more ").Append(more == 1 ? "value" : "values").Append('>');
            }

            builder.Append(']');
        }

        private static string FormatUserComparator(UserComparator comparator)
        {
            switch (comparator)
            {
                case UserComparator.TextIsOneOf:
                case UserComparator.SensitiveTextIsOneOf:
                case UserComparator.SemVerIsOneOf: return "IS ONE OF";
                case UserComparator.TextIsNotOneOf:
                case UserComparator.SensitiveTextIsNotOneOf:
                case UserComparator.SemVerIsNotOneOf: return "IS NOT ONE OF";
                case UserComparator.TextContainsAnyOf: return "CONTAINS ANY OF";
                case UserComparator.TextNotContainsAnyOf: return "NOT CONTAINS ANY OF";
                case UserComparator.SemVerLess:
                case UserComparator.NumberLess: return "<";
                case UserComparator.SemVerLessOrEquals:
                case UserComparator.NumberLessOrEquals: return "<=";
                case UserComparator.SemVerGreater:
                case UserComparator.NumberGreater: return ">";
                case UserComparator.SemVerGreaterOrEquals:
                case UserComparator.NumberGreaterOrEquals: return ">=";
                case UserComparator.NumberEquals: return "=";
                case UserComparator.NumberNotEquals: return "!=";
                case UserComparator.DateTimeBefore: return "BEFORE";
                case UserComparator.DateTimeAfter: return "AFTER";
                case UserComparator.TextEquals:
                case UserComparator.SensitiveTextEquals: return "EQUALS";
                case UserComparator.TextNotEquals:
                case UserComparator.SensitiveTextNotEquals: return "NOT EQUALS";
                case UserComparator.TextStartsWithAnyOf:
                case UserComparator.SensitiveTextStartsWithAnyOf: return "STARTS WITH ANY OF";
                case UserComparator.TextNotStartsWithAnyOf:
                case UserComparator.SensitiveTextNotStartsWithAnyOf: return "NOT STARTS WITH ANY OF";
                case UserComparator.TextEndsWithAnyOf:
                case UserComparator.SensitiveTextEndsWithAnyOf: return "ENDS WITH ANY OF";
                case UserComparator.TextNotEndsWithAnyOf:
                case UserComparator.SensitiveTextNotEndsWithAnyOf: return "NOT ENDS WITH ANY OF";
                case UserComparator.ArrayContainsAnyOf:
                case UserComparator.SensitiveArrayContainsAnyOf: return "ARRAY CONTAINS ANY OF";
                case UserComparator.ArrayNotContainsAnyOf:
                case UserComparator.SensitiveArrayNotContainsAnyOf: return "ARRAY NOT CONTAINS ANY OF";
                default: return InvalidOperator;
            }
        }

        private static string FormatPrerequisiteComparator(PrerequisiteFlagComparator comparator) => comparator switch
        {
            PrerequisiteFlagComparator.Equals => "EQUALS",
            PrerequisiteFlagComparator.NotEquals => "NOT EQUALS",
            _ => InvalidOperator,
        };

        public static string FormatSegmentComparator(SegmentComparator comparator) => comparator switch
        {
            SegmentComparator.IsIn => "IS IN SEGMENT",
            SegmentComparator.IsNotIn => "IS NOT IN SEGMENT",
            _ => InvalidOperator,
        };
    }
}
