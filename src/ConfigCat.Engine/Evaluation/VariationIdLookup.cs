using System;
using System.Collections.Generic;
using System.Linq;
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
                var match = ValuesOf(setting).FirstOrDefault(container => string.Equals(container.VariationId, variationId, StringComparison.Ordinal));
                if (match != null && match.Value.HasValue && match.Value.Type == setting.Type)
                {
                    return new KeyValuePair<string, object>(pair.Key, match.Value.Value!);
                }
            }

            return null;
        }

        /// <summary>Every variation ID of the settings, each once, in the order <see cref="Find"/> searches.</summary>
        public static IEnumerable<string> VariationIds(SettingsMap settings) =>
            settings.SelectMany(pair => ValuesOf(pair.Value)).Select(container => container.VariationId).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal)!;

        private static IEnumerable<SettingValueContainer> ValuesOf(Setting setting)
        {
            yield return setting;
            foreach (var rule in setting.RuleArray)
            {
                if (rule.ServedValue != null)
                {
                    yield return rule.ServedValue;
                }

                foreach (var option in rule.PercentageOptionArray ?? Array.Empty<PercentageOption>())
                {
                    yield return option;
                }
            }

            foreach (var option in setting.PercentageOptionArray)
            {
                yield return option;
            }
        }
    }
}
