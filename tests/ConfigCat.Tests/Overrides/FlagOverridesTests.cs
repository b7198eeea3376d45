using System;
using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Overrides;
using ConfigCat.Engine.Parsing;
using Xunit;

namespace ConfigCat.Tests.Overrides
{
    /// <summary>Order and precedence as configcat-node builds them: <c>{...remote, ...local}</c> for LocalOverRemote,
    /// <c>{...local, ...remote}</c> for RemoteOverLocal, only the local settings for LocalOnly.</summary>
    public class FlagOverridesTests
    {
        private static readonly SettingsMap Remote = ConfigJsonParser.Parse(@"{""f"": {
            ""shared"": {""t"": 1, ""v"": {""s"": ""remote""}},
            ""remoteOnly"": {""t"": 1, ""v"": {""s"": ""remote""}},
            ""dependent"": {""t"": 1, ""v"": {""s"": ""plain""}, ""r"": [{""c"": [{""p"": {""f"": ""shared"", ""c"": 0, ""v"": {""s"": ""local""}}}],
                            ""s"": {""v"": {""s"": ""follows local""}}}]}}}").Settings;

        private static readonly DictionaryOverrideDataSource Local = new DictionaryOverrideDataSource(new[]
        {
            new KeyValuePair<string, object?>("localOnly", "local"),
            new KeyValuePair<string, object?>("shared", "local"),
        });

        [Theory]
        [InlineData(OverrideBehaviour.LocalOnly, "localOnly,shared", "local")]
        [InlineData(OverrideBehaviour.LocalOverRemote, "shared,remoteOnly,dependent,localOnly", "local")]
        [InlineData(OverrideBehaviour.RemoteOverLocal, "localOnly,shared,remoteOnly,dependent", "remote")]
        public void Keys_come_in_spread_order_and_the_right_side_wins(OverrideBehaviour behaviour, string keys, string shared)
        {
            var settings = new FlagOverrides(Local, behaviour).Apply(Remote);
            Assert.Equal(keys.Split(','), settings.Keys);
            Assert.Equal(shared, Evaluator.Evaluate(settings, "shared", null, null, Logger.Null).Value);
        }

        [Theory]
        [InlineData(OverrideBehaviour.LocalOnly)]
        [InlineData(OverrideBehaviour.LocalOverRemote)]
        [InlineData(OverrideBehaviour.RemoteOverLocal)]
        public void Without_a_remote_config_only_the_local_settings_are_used(OverrideBehaviour behaviour)
        {
            var settings = new FlagOverrides(Local, behaviour).Apply(null);
            Assert.Same(Local.Settings, settings);
        }

        [Fact]
        public void A_local_prerequisite_affects_remote_dependents()
        {
            var localOverRemote = new FlagOverrides(Local, OverrideBehaviour.LocalOverRemote).Apply(Remote);
            var remoteOverLocal = new FlagOverrides(Local, OverrideBehaviour.RemoteOverLocal).Apply(Remote);
            Assert.Equal("follows local", Evaluator.Evaluate(localOverRemote, "dependent", null, null, Logger.Null).Value);
            Assert.Equal("plain", Evaluator.Evaluate(remoteOverLocal, "dependent", null, null, Logger.Null).Value);
        }

        [Fact]
        public void Settings_are_merged_whole_not_rule_by_rule()
        {
            var settings = new FlagOverrides(Local, OverrideBehaviour.LocalOverRemote).Apply(Remote);
            Assert.Same(Local.Settings["shared"], settings["shared"]);
            Assert.Same(Remote["remoteOnly"], settings["remoteOnly"]);
        }

        [Fact]
        public void A_data_source_is_required()
        {
            Assert.Throws<ArgumentNullException>(() => new FlagOverrides(null!, OverrideBehaviour.LocalOnly));
        }
    }
}
