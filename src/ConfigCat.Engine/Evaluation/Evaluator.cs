using System;
using System.Text;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>
    /// Evaluates a setting for a user exactly as the ConfigCat SDKs do: targeting rules in order (first match wins;
    /// a rule that cannot be evaluated is skipped), then percentage options, then the fallback value. Stateless and
    /// thread-safe; every evaluation runs against an immutable settings map.
    /// </summary>
    internal static class Evaluator
    {
        private const string TargetingRuleIgnored = "The current targeting rule is ignored and the evaluation continues with the next rule.";

        /// <summary>
        /// Evaluates <paramref name="key"/>, returning <paramref name="defaultValue"/> with an error when there is no
        /// config, no such key, a default of the wrong type, or a broken part of the config. Never throws for those.
        /// </summary>
        /// <param name="settings">The settings to evaluate against; null when no config is available.</param>
        /// <param name="defaultValue">The caller's fallback: a bool, string, int, long or double, or null for "any type".</param>
        /// <exception cref="ArgumentException">The key is null or empty, or the default value is of an unsupported type;
        /// checked before anything else, so a wrong call fails the same way with or without a config.</exception>
        public static EvaluationResult Evaluate(SettingsMap? settings, string key, object? defaultValue, User? user, Logger logger)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            if (key.Length == 0)
            {
                throw new ArgumentException("The setting key must not be empty.", nameof(key));
            }

            SettingTypes.EnsureSupportedDefaultValue(defaultValue);
            if (settings == null)
            {
                return EvaluationResult.Failure(defaultValue, EvaluationErrorCode.ConfigJsonNotAvailable, logger.ConfigJsonIsNotPresentSingle(key, defaultValue));
            }

            if (!settings.TryGetValue(key, out var setting))
            {
                return EvaluationResult.Failure(defaultValue, EvaluationErrorCode.SettingKeyMissing,
                    logger.SettingEvaluationFailedDueToMissingKey(key, defaultValue, FormatKeyList(settings)));
            }

            var log = logger.IsEnabled(LogLevel.Info) ? StartLog(key, user) : null;
            EvaluationResult result;
            try
            {
                var settingType = SettingTypes.EnsureValid(setting);
                if (defaultValue != null && settingType != SettingType.Unknown)
                {
                    SettingTypes.EnsureDefaultValueMatches(defaultValue, settingType);
                }

                var context = new EvaluationContext(key, setting, user, settings, logger, log);
                var selection = EvaluateSetting(ref context);
                var value = SettingTypes.ReturnValue(selection.Selected.Value, settingType, defaultValue);
                result = EvaluationResult.Success(value, selection.Selected.VariationId, selection.Rule, selection.Option);
            }
            catch (Exception exception)
            {
                var code = exception switch
                {
                    InvalidConfigModelException => EvaluationErrorCode.InvalidConfigModel,
                    SettingTypeMismatchException => EvaluationErrorCode.SettingValueTypeMismatch,
                    _ => EvaluationErrorCode.UnexpectedError,
                };

                // The SDKs write the evaluation log (showing the default value) before reporting the error.
                if (log != null)
                {
                    logger.SettingEvaluated(FinishLog(log.ResetIndent().IncreaseIndent(), defaultValue));
                }

                logger.SettingEvaluationErrorSingle(key, defaultValue, exception);
                return EvaluationResult.Failure(defaultValue, code, exception.Message, exception);
            }

            if (log != null)
            {
                logger.SettingEvaluated(FinishLog(log, result.Value));
            }

            return result;
        }

        /// <summary>Keys as the "available keys" of message 1001 print them: quoted and comma-separated.</summary>
        public static string FormatKeyList(SettingsMap settings) => FormatQuotedList(settings.Keys, ", ");

        private static string FormatQuotedList(System.Collections.Generic.IReadOnlyList<string> items, string separator)
        {
            if (items.Count == 0)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                builder.Append(i == 0 ? "'" : "'" + separator + "'").Append(items[i]);
            }

            return builder.Append('\'').ToString();
        }

        private static EvaluationLogBuilder StartLog(string key, User? user)
        {
            var log = new EvaluationLogBuilder();
            log.Append("Evaluating '").Append(key).Append("'");
            if (user != null)
            {
                log.Append(" for User '").Append(UserJson.Serialize(user)).Append("'");
            }

            log.IncreaseIndent();
            return log;
        }

        private static string FinishLog(EvaluationLogBuilder log, object? returnValue)
        {
            log.NewLine("Returning '" + JsValueFormatter.Format(returnValue) + "'.").DecreaseIndent();
            return log.ToString();
        }

        internal static Selection EvaluateSetting(ref EvaluationContext context)
        {
            var setting = context.Setting;
            if (setting.RuleArray.Length > 0)
            {
                var fromRules = EvaluateTargetingRules(ref context);
                if (fromRules.Selected != null)
                {
                    return fromRules;
                }
            }

            if (setting.PercentageOptionArray.Length > 0)
            {
                var fromOptions = EvaluatePercentageOptions(setting.PercentageOptionArray, null, ref context);
                if (fromOptions.Selected != null)
                {
                    return fromOptions;
                }
            }

            return new Selection(setting, null, null);
        }

        private static Selection EvaluateTargetingRules(ref EvaluationContext context)
        {
            var log = context.Log;
            log?.NewLine("Evaluating targeting rules and applying the first match if any:");
            foreach (var rule in context.Setting.RuleArray)
            {
                var result = EvaluateConditions(rule.ConditionArray, rule, ref context);
                if (!result.IsMatch)
                {
                    if (result.IsError)
                    {
                        log?.IncreaseIndent().NewLine(TargetingRuleIgnored).DecreaseIndent();
                    }

                    continue;
                }

                if (rule.ServedValue != null)
                {
                    return new Selection(rule.ServedValue, rule, null);
                }

                var options = rule.PercentageOptionArray;
                if (options == null || options.Length == 0)
                {
                    throw new InvalidConfigModelException("Targeting rule THEN part is missing or invalid.");
                }

                log?.IncreaseIndent();
                var fromOptions = EvaluatePercentageOptions(options, rule, ref context);
                if (fromOptions.Selected != null)
                {
                    log?.DecreaseIndent();
                    return fromOptions;
                }

                log?.NewLine(TargetingRuleIgnored).DecreaseIndent();
            }

            return default;
        }

        private static Selection EvaluatePercentageOptions(PercentageOption[] options, TargetingRule? rule, ref EvaluationContext context)
        {
            var log = context.Log;
            var user = context.User;
            if (user == null)
            {
                log?.NewLine("Skipping % options because the User Object is missing.");
                LogUserObjectMissingOnce(ref context);
                return default;
            }

            var attributeName = context.Setting.PercentageOptionsAttribute ?? User.IdentifierAttribute;
            var attributeValue = user.GetAttribute(UserAttributeKinds.Of(attributeName), attributeName);
            if (attributeValue == null)
            {
                log?.NewLine("Skipping % options because the User." + attributeName + " attribute is missing.");
                if (!context.IsMissingUserObjectAttributeLogged)
                {
                    context.Logger.UserObjectAttributeIsMissingPercentage(context.Key, attributeName);
                    context.IsMissingUserObjectAttributeLogged = true;
                }

                return default;
            }

            log?.NewLine("Evaluating % options based on the User." + attributeName + " attribute:");
            var hashValue = PercentageHash.Compute(context.Key, UserAttributeValues.ToText(attributeValue));
            log?.NewLine("- Computing hash in the [0..99] range from User." + attributeName + " => " + hashValue + " (this value is sticky and consistent across all SDKs)");

            var bucket = 0;
            for (var i = 0; i < options.Length; i++)
            {
                var option = options[i];
                bucket += option.Percentage;
                if (hashValue >= bucket)
                {
                    continue;
                }

                log?.NewLine("- Hash value " + hashValue + " selects % option " + (i + 1) + " (" + option.Percentage + "%), '" + EvaluationLogBuilder.FormatValue(option.Value) + "'.");
                return new Selection(option, rule, option);
            }

            throw new InvalidConfigModelException("Sum of percentage option percentages is less than 100.");
        }

        /// <summary>AND-s the conditions left to right, stopping at the first that does not match. With a targeting
        /// rule, also logs the rule's THEN part and outcome; without one (a segment) only the conditions.</summary>
        private static ConditionResult EvaluateConditions(Condition?[] conditions, TargetingRule? rule, ref EvaluationContext context)
        {
            var result = ConditionResult.True;
            var log = context.Log;
            var newLineBeforeThen = false;
            log?.NewLine("- ");
            for (var i = 0; i < conditions.Length; i++)
            {
                var condition = conditions[i];
                if (log != null)
                {
                    if (i == 0)
                    {
                        log.Append("IF ").IncreaseIndent();
                    }
                    else
                    {
                        log.IncreaseIndent().NewLine("AND ");
                    }
                }

                switch (condition?.Kind)
                {
                    case ConditionKind.User:
                        result = UserConditionEvaluator.Evaluate((UserCondition)condition, ref context);
                        newLineBeforeThen = conditions.Length > 1;
                        break;
                    case ConditionKind.PrerequisiteFlag:
                        result = EvaluatePrerequisiteFlagCondition((PrerequisiteFlagCondition)condition, ref context);
                        newLineBeforeThen = true;
                        break;
                    case ConditionKind.Segment:
                        result = EvaluateSegmentCondition((SegmentCondition)condition, ref context);
                        newLineBeforeThen = !result.IsUserMissing || conditions.Length > 1;
                        break;
                    default:
                        throw new InvalidConfigModelException("Condition is missing or invalid.");
                }

                if (log != null)
                {
                    if (rule == null || conditions.Length > 1)
                    {
                        log.AppendConditionConsequence(result.IsMatch);
                    }

                    log.DecreaseIndent();
                }

                if (!result.IsMatch)
                {
                    break;
                }
            }

            if (rule != null)
            {
                log?.AppendTargetingRuleConsequence(rule, result, newLineBeforeThen);
            }

            return result;
        }

        private static ConditionResult EvaluateSegmentCondition(SegmentCondition condition, ref EvaluationContext context)
        {
            var log = context.Log;
            log?.AppendSegmentCondition(condition);
            if (context.User == null)
            {
                LogUserObjectMissingOnce(ref context);
                return ConditionResult.UserMissing;
            }

            var segment = condition.Segment ?? throw new InvalidConfigModelException("Segment reference is invalid.");
            if (string.IsNullOrEmpty(segment.Name))
            {
                throw new InvalidConfigModelException("Segment name is missing.");
            }

            if (condition.Comparator != SegmentComparator.IsIn && condition.Comparator != SegmentComparator.IsNotIn)
            {
                throw new InvalidConfigModelException("Comparison operator is invalid.");
            }

            log?.NewLine("(").IncreaseIndent().NewLine("Evaluating segment '" + segment.Name + "':");
            var segmentResult = EvaluateConditions(segment.ConditionArray, null, ref context);
            var result = segmentResult.IsError || condition.Comparator == SegmentComparator.IsIn
                ? segmentResult
                : ConditionResult.Of(!segmentResult.IsMatch);

            if (log != null)
            {
                log.NewLine("Segment evaluation result: ")
                    .Append(result.IsError ? result.Error! : "User " + EvaluationLogBuilder.FormatSegmentComparator(segmentResult.IsMatch ? SegmentComparator.IsIn : SegmentComparator.IsNotIn))
                    .Append(".");
                log.NewLine("Condition (").AppendSegmentCondition(condition).Append(")");
                if (result.IsError)
                {
                    log.Append(" failed to evaluate");
                }
                else
                {
                    log.Append(" evaluates to ").AppendConditionResult(result.IsMatch);
                }

                log.Append(".").DecreaseIndent().NewLine(")");
            }

            return result;
        }

        private static ConditionResult EvaluatePrerequisiteFlagCondition(PrerequisiteFlagCondition condition, ref EvaluationContext context)
        {
            var log = context.Log;
            log?.AppendPrerequisiteFlagCondition(condition, context.Settings);

            var prerequisiteKey = condition.PrerequisiteFlagKey ?? throw new InvalidConfigModelException("Prerequisite flag key is missing.");
            if (!context.Settings.TryGetValue(prerequisiteKey, out var prerequisite))
            {
                throw new InvalidConfigModelException("Prerequisite flag is missing.");
            }

            // The SDKs check the comparison value's type before anything else, so such a config fails the same way
            // however deep the prerequisite's own targeting goes.
            var prerequisiteType = SettingTypes.EnsureValid(prerequisite);
            var comparisonValue = condition.ComparisonValue;
            if (!comparisonValue.HasValue)
            {
                throw new InvalidConfigModelException("Comparison value is missing or invalid.");
            }

            if (!SettingTypes.AreComparable(prerequisite, comparisonValue.Type))
            {
                throw new InvalidConfigModelException("Type mismatch between comparison value '" + JsValueFormatter.Format(comparisonValue.Value)
                    + "' and prerequisite flag '" + prerequisiteKey + "'.");
            }

            var prerequisiteContext = context.ForPrerequisite(prerequisiteKey, prerequisite);
            var visited = context.VisitedFlags!;
            visited.Add(context.Key);
            if (visited.Contains(prerequisiteKey))
            {
                visited.Add(prerequisiteKey);
                throw new InvalidConfigModelException("Circular dependency detected between the following depending flags: " + FormatQuotedList(visited, " -> ") + ".");
            }

            log?.NewLine("(").IncreaseIndent().NewLine("Evaluating prerequisite flag '" + prerequisiteKey + "':");
            var selection = EvaluateSetting(ref prerequisiteContext);
            visited.RemoveAt(visited.Count - 1);

            var value = SettingTypes.ReturnValue(selection.Selected.Value, prerequisiteType, null);
            bool equals = SettingTypes.ValuesEqual(value, comparisonValue.Value!);
            bool isMatch = condition.Comparator switch
            {
                PrerequisiteFlagComparator.Equals => equals,
                PrerequisiteFlagComparator.NotEquals => !equals,
                _ => throw new InvalidConfigModelException("Comparison operator is invalid."),
            };

            log?.NewLine("Prerequisite flag evaluation result: '" + JsValueFormatter.Format(value) + "'.")
                .NewLine("Condition (").AppendPrerequisiteFlagCondition(condition, context.Settings).Append(") evaluates to ").AppendConditionResult(isMatch).Append(".")
                .DecreaseIndent().NewLine(")");
            return ConditionResult.Of(isMatch);
        }

        internal static void LogUserObjectMissingOnce(ref EvaluationContext context)
        {
            if (!context.IsMissingUserObjectLogged)
            {
                context.Logger.UserObjectIsMissing(context.Key);
                context.IsMissingUserObjectLogged = true;
            }
        }

        /// <summary>What an evaluation selected: the served value container and the rule / % option it came from.</summary>
        internal readonly struct Selection
        {
            public Selection(SettingValueContainer selected, TargetingRule? rule, PercentageOption? option)
            {
                Selected = selected;
                Rule = rule;
                Option = option;
            }

            public SettingValueContainer Selected { get; }

            public TargetingRule? Rule { get; }

            public PercentageOption? Option { get; }
        }
    }
}
