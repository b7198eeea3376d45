using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Client
{
    /// <summary>
    /// Which settings a config change added, removed or changed. A setting counts as changed when its value for a
    /// request without a user differs, or when its targeting changed (so a change that only affects some users is
    /// still reported, with equal old and new values).
    /// </summary>
    public static class ConfigDiff
    {
        public static IReadOnlyList<SettingChange> Compare(Config? previous, Config? current) =>
            Compare(previous?.Settings, current?.Settings, previous?.SegmentsContentHash != current?.SegmentsContentHash);

        /// <param name="segmentsChanged">Whether the segment definitions differ, which changes every setting that uses them.</param>
        public static IReadOnlyList<SettingChange> Compare(SettingsMap? previous, SettingsMap? current, bool segmentsChanged = false)
        {
            var changes = new List<SettingChange>();
            previous ??= SettingsMap.Empty;
            current ??= SettingsMap.Empty;
            foreach (var key in current.Keys)
            {
                var after = current[key];
                var newValue = ValueWithoutUser(current, key);
                if (!previous.TryGetValue(key, out var before))
                {
                    changes.Add(new SettingChange(key, SettingChangeType.Added, null, newValue));
                    continue;
                }

                var oldValue = ValueWithoutUser(previous, key);
                if (!Equals(oldValue, newValue) || before.ContentHash != after.ContentHash || (segmentsChanged && (before.UsesSegments || after.UsesSegments)))
                {
                    changes.Add(new SettingChange(key, SettingChangeType.Changed, oldValue, newValue));
                }
            }

            foreach (var key in previous.Keys)
            {
                if (!current.ContainsKey(key))
                {
                    changes.Add(new SettingChange(key, SettingChangeType.Removed, ValueWithoutUser(previous, key), null));
                }
            }

            return changes;
        }

        private static object? ValueWithoutUser(SettingsMap settings, string key) =>
            Evaluator.Evaluate(settings, key, null, null, Logger.Null).Value;
    }
}
