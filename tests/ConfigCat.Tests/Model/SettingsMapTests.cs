using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Model;
using Xunit;

namespace ConfigCat.Tests.Model
{
    public class SettingsMapTests
    {
        private static readonly Setting A1 = Setting.FromValue(SettingValue.FromString("a1"));
        private static readonly Setting A2 = Setting.FromValue(SettingValue.FromString("a2"));
        private static readonly Setting B = Setting.FromValue(SettingValue.FromString("b"));
        private static readonly Setting C = Setting.FromValue(SettingValue.FromString("c"));

        [Fact]
        public void Keys_keep_their_first_position_and_the_last_value()
        {
            var map = Map(("a", A1), ("b", B), ("a", A2));
            Assert.Equal(new[] { "a", "b" }, map.Keys);
            Assert.Same(A2, map["a"]);
            Assert.Equal(2, map.Count);
            Assert.Equal(new[] { A2, B }, ((IReadOnlyDictionary<string, Setting>)map).Values);
            Assert.Equal(new[] { "a", "b" }, map.Select(pair => pair.Key));
        }

        [Fact]
        public void Lookups_are_ordinal_and_case_sensitive()
        {
            var map = Map(("key", A1), ("Key", B), ("ı", C));
            Assert.True(map.TryGetValue("Key", out var found));
            Assert.Same(B, found);
            Assert.False(map.ContainsKey("KEY"));
            Assert.False(map.ContainsKey("i"));
            Assert.True(map.ContainsKey("ı"));
        }

        [Fact]
        public void Merge_keeps_the_lower_order_and_lets_the_higher_map_win()
        {
            var lower = Map(("a", A1), ("b", B));
            var higher = Map(("c", C), ("a", A2));
            var merged = SettingsMap.Merge(lower, higher);
            Assert.Equal(new[] { "a", "b", "c" }, merged.Keys);
            Assert.Same(A2, merged["a"]);
            Assert.Same(B, merged["b"]);
            Assert.Same(C, merged["c"]);
        }

        [Fact]
        public void Merge_with_an_empty_map_keeps_the_other()
        {
            var map = Map(("a", A1), ("b", B));
            Assert.Equal(new[] { "a", "b" }, SettingsMap.Merge(SettingsMap.Empty, map).Keys);
            Assert.Equal(new[] { "a", "b" }, SettingsMap.Merge(map, SettingsMap.Empty).Keys);
            Assert.Empty(SettingsMap.Empty);
        }

        private static SettingsMap Map(params (string Key, Setting Setting)[] pairs) =>
            new SettingsMap(pairs.Select(p => new KeyValuePair<string, Setting>(p.Key, p.Setting)));
    }
}
