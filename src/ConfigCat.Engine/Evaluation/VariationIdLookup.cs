using System;
using System.Collections.Generic;
using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Evaluation
{
    /// <summary>Finds the setting and value that carry a variation ID, searching each setting in document order: its
    /// fallback value, then each targeting rule (simple value or % options), then its own % options.</summary>
    public static class VariationIdLookup
    {
        public static KeyValuePair<string, object>? Find(SettingsMap settings, string variationId)
        {
            foreach (var pair in settings)
            {
                var setting = pair.Value;
                var match = FindIn(setting, variationId);
                if (match != null && match.Value.HasValue && match.Value.Type == setting.Type)
                {
                    return new KeyValuePair<string, object>(pair.Key, match.Value.Value!);
                }
            }

            return null;
        }

        private static SettingValueContainer? FindIn(Setting setting, string variationId)
        {
            if (Matches(setting, variationId))
            {
                return setting;
            }

            foreach (var rule in setting.RuleArray)
            {
                if (rule.ServedValue != null && Matches(rule.ServedValue, variationId))
                {
                    return rule.ServedValue;
                }

                foreach (var option in rule.PercentageOptionArray ?? Array.Empty<PercentageOption>())
                {
                    if (Matches(option, variationId))
                    {
                        return option;
                    }
                }
            }

            foreach (var option in setting.PercentageOptionArray)
            {
                if (Matches(option, variationId))
                {
                    return option;
                }
            }

            return null;
        }

        private static bool Matches(SettingValueContainer container, string variationId) =>
            string.Equals(container.VariationId, variationId, StringComparison.Ordinal);
    }
}
