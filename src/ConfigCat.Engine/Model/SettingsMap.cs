using System;
using System.Collections;
using System.Collections.Generic;

namespace ConfigCat.Engine.Model
{
    /// <summary>
    /// Settings by key (ordinal, case-sensitive) that also remembers document order, which the SDKs use for
    /// key listings and for the "available keys" of error messages.
    /// </summary>
    public sealed class SettingsMap : IReadOnlyDictionary<string, Setting>
    {
        public static readonly SettingsMap Empty = new SettingsMap(new List<KeyValuePair<string, Setting>>());

        private readonly Dictionary<string, Setting> byKey;
        private readonly string[] keys;

        /// <summary>Builds the map; when a key occurs twice the later one wins, as with JSON objects.</summary>
        public SettingsMap(IEnumerable<KeyValuePair<string, Setting>> settingsInOrder)
        {
            byKey = new Dictionary<string, Setting>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var pair in settingsInOrder)
            {
                if (!byKey.ContainsKey(pair.Key))
                {
                    order.Add(pair.Key);
                }

                byKey[pair.Key] = pair.Value;
            }

            keys = order.ToArray();
        }

        /// <summary>The keys in document order.</summary>
        public IReadOnlyList<string> Keys => keys;

        public int Count => keys.Length;

        public Setting this[string key] => byKey[key];

        IEnumerable<string> IReadOnlyDictionary<string, Setting>.Keys => keys;

        IEnumerable<Setting> IReadOnlyDictionary<string, Setting>.Values
        {
            get
            {
                foreach (var key in keys)
                {
                    yield return byKey[key];
                }
            }
        }

        public bool ContainsKey(string key) => byKey.ContainsKey(key);

        public bool TryGetValue(string key, out Setting value) => byKey.TryGetValue(key, out value!);

        public IEnumerator<KeyValuePair<string, Setting>> GetEnumerator()
        {
            foreach (var key in keys)
            {
                yield return new KeyValuePair<string, Setting>(key, byKey[key]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>
        /// The union of two maps like the JavaScript spread <c>{...lower, ...higher}</c>: <paramref name="higher"/>
        /// wins on a key collision; order is the keys of <paramref name="lower"/>, then the keys only in the other.
        /// </summary>
        public static SettingsMap Merge(SettingsMap lower, SettingsMap higher)
        {
            var merged = new List<KeyValuePair<string, Setting>>(lower.Count + higher.Count);
            foreach (var key in lower.keys)
            {
                merged.Add(new KeyValuePair<string, Setting>(key, lower.byKey[key]));
            }

            foreach (var key in higher.keys)
            {
                merged.Add(new KeyValuePair<string, Setting>(key, higher.byKey[key]));
            }

            return new SettingsMap(merged);
        }
    }
}
