using System.Collections.Generic;

namespace ConfigCat.Engine.Model
{
    /// <summary>A feature flag or setting: targeting rules, then percentage options, then the fallback value.</summary>
    public sealed class Setting : SettingValueContainer
    {
        private static readonly TargetingRule[] NoRules = new TargetingRule[0];
        private static readonly PercentageOption[] NoOptions = new PercentageOption[0];

        internal readonly TargetingRule[] RuleArray;
        internal readonly PercentageOption[] PercentageOptionArray;

        public Setting(SettingType type, string? percentageOptionsAttribute, TargetingRule[]? targetingRules,
            PercentageOption[]? percentageOptions, SettingValue value, string? variationId)
            : base(value, variationId)
        {
            Type = type;
            PercentageOptionsAttribute = percentageOptionsAttribute;
            RuleArray = targetingRules ?? NoRules;
            PercentageOptionArray = percentageOptions ?? NoOptions;
        }

        /// <summary>A setting made from a plain override value; its type is that of the value.</summary>
        public static Setting FromValue(SettingValue value) => new Setting(value.Type, null, null, null, value, null)
        {
            ContentHash = Parsing.ContentHash.Of(value.Type + ":" + Text.JsValueFormatter.Format(value.Value)),
            IsPlainValue = true,
        };

        public SettingType Type { get; }

        /// <summary>The user attribute percentage options are based on; null means Identifier.</summary>
        public string? PercentageOptionsAttribute { get; }

        public IReadOnlyList<TargetingRule> TargetingRules => RuleArray;

        public IReadOnlyList<PercentageOption> PercentageOptions => PercentageOptionArray;

        /// <summary>The salt of the config this setting came from (settings of merged overrides keep their own).</summary>
        public string? ConfigSalt { get; internal set; }

        /// <summary>Whether the setting is a plain override value, whose type was not declared but read off the value.</summary>
        internal bool IsPlainValue { get; private set; }

        /// <summary>A hash of the setting as written, to tell whether a new config changed its targeting.</summary>
        internal ulong ContentHash { get; set; }

        /// <summary>Whether any targeting rule refers to a segment (whose definition lives outside the setting).</summary>
        internal bool UsesSegments
        {
            get
            {
                foreach (var rule in RuleArray)
                {
                    foreach (var condition in rule.ConditionArray)
                    {
                        if (condition is SegmentCondition)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }
    }
}
