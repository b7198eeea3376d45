using System.Linq;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Parsing;
using Xunit;

namespace ConfigCat.Tests.Client
{
    public class ConfigDiffTests
    {
        private const string Before = @"{""s"":[{""n"":""Beta"",""r"":[{""a"":""Email"",""c"":2,""l"":[""@beta.com""]}]}],""f"":{
            ""kept"":{""t"":0,""v"":{""b"":true},""i"":""k1""},
            ""flipped"":{""t"":0,""v"":{""b"":false},""i"":""f1""},
            ""retargeted"":{""t"":1,""v"":{""s"":""off""},""i"":""r1"",""r"":[{""c"":[{""u"":{""a"":""Country"",""c"":0,""l"":[""HU""]}}],""s"":{""v"":{""s"":""on""},""i"":""r2""}}]},
            ""segmented"":{""t"":1,""v"":{""s"":""off""},""i"":""s1"",""r"":[{""c"":[{""s"":{""s"":0,""c"":0}}],""s"":{""v"":{""s"":""on""},""i"":""s2""}}]},
            ""removed"":{""t"":2,""v"":{""i"":5},""i"":""x1""}}}";

        private const string After = @"{""s"":[{""n"":""Beta"",""r"":[{""a"":""Email"",""c"":2,""l"":[""@beta.org""]}]}],""f"":{
            ""kept"":{""t"":0,""v"":{""b"":true},""i"":""k1""},
            ""flipped"":{""t"":0,""v"":{""b"":true},""i"":""f2""},
            ""retargeted"":{""t"":1,""v"":{""s"":""off""},""i"":""r1"",""r"":[{""c"":[{""u"":{""a"":""Country"",""c"":0,""l"":[""HU"",""AT""]}}],""s"":{""v"":{""s"":""on""},""i"":""r2""}}]},
            ""segmented"":{""t"":1,""v"":{""s"":""off""},""i"":""s1"",""r"":[{""c"":[{""s"":{""s"":0,""c"":0}}],""s"":{""v"":{""s"":""on""},""i"":""s2""}}]},
            ""added"":{""t"":3,""v"":{""d"":1.5},""i"":""a1""}}}";

        [Fact]
        public void Lists_added_removed_and_changed_settings_with_values_for_no_user()
        {
            var changes = ConfigDiff.Compare(ConfigJsonParser.Parse(Before), ConfigJsonParser.Parse(After)).ToDictionary(c => c.Key);

            Assert.Equal(new[] { "added", "flipped", "removed", "retargeted", "segmented" }, changes.Keys.OrderBy(k => k));
            Assert.Equal(SettingChangeType.Changed, changes["flipped"].ChangeType);
            Assert.Equal(false, changes["flipped"].OldValue);
            Assert.Equal(true, changes["flipped"].NewValue);
            Assert.Equal(SettingChangeType.Added, changes["added"].ChangeType);
            Assert.Null(changes["added"].OldValue);
            Assert.Equal(1.5, changes["added"].NewValue);
            Assert.Equal(SettingChangeType.Removed, changes["removed"].ChangeType);
            Assert.Equal(5, changes["removed"].OldValue);
            Assert.Null(changes["removed"].NewValue);
        }

        [Fact]
        public void Targeting_changes_count_even_when_the_value_for_no_user_stays()
        {
            var changes = ConfigDiff.Compare(ConfigJsonParser.Parse(Before), ConfigJsonParser.Parse(After)).ToDictionary(c => c.Key);

            Assert.Equal("off", changes["retargeted"].OldValue);
            Assert.Equal("off", changes["retargeted"].NewValue);
            Assert.Equal(SettingChangeType.Changed, changes["segmented"].ChangeType);
        }

        [Fact]
        public void Same_config_has_no_changes()
        {
            Assert.Empty(ConfigDiff.Compare(ConfigJsonParser.Parse(Before), ConfigJsonParser.Parse(Before)));
        }

        [Fact]
        public void First_config_lists_every_setting_as_added()
        {
            var changes = ConfigDiff.Compare(null, ConfigJsonParser.Parse(Before));
            Assert.All(changes, change => Assert.Equal(SettingChangeType.Added, change.ChangeType));
            Assert.Equal(5, changes.Count);
        }
    }
}
