using System.Linq;
using ConfigCat.Engine.Webhooks;
using Xunit;

namespace ConfigCat.Tests.Webhooks
{
    public class ChangeDetailsParserTests
    {
        // The example of ConfigCat's documentation ("Request body with variables").
        private const string DocumentedChangeDetails = "[\n  {\n    \"settingKey\":\"myAwesomeFeature1\",\n    \"event\":\"changed\",\n    \"details\":\"\\r\\nmyAwesomeFeature1: false ➔ true\"\n  },\n  {\n    \"settingKey\":\"myAwesomeFeature2\",\n    \"event\":\"changed\",\n    \"details\":\"\\r\\nmyAwesomeFeature2:\\r\\n  Rollout percentage items changed:\\r\\n    + 20% true\\r\\n    + 80% false\"\n  }\n]";

        [Fact]
        public void A_body_of_just_the_change_details_gives_each_entry()
        {
            var changes = ChangeDetailsParser.Parse(DocumentedChangeDetails);

            Assert.Equal(new[] { "myAwesomeFeature1", "myAwesomeFeature2" }, changes.Select(c => c.SettingKey));
            Assert.All(changes, c => Assert.Equal("changed", c.Event));
            Assert.Equal("\r\nmyAwesomeFeature1: false ➔ true", changes[0].Details);
        }

        [Fact]
        public void The_change_details_can_be_a_property_of_an_object_body()
        {
            var changes = ChangeDetailsParser.Parse("{\"config\":\"Main\",\"notes\":[\"a\"],\"changes\":" + DocumentedChangeDetails + "}");
            Assert.Equal(new[] { "myAwesomeFeature1", "myAwesomeFeature2" }, changes.Select(c => c.SettingKey));
        }

        [Fact]
        public void Missing_event_or_details_are_null()
        {
            var change = Assert.Single(ChangeDetailsParser.Parse("[{\"settingKey\":\"a\",\"event\":1}]"));
            Assert.Null(change.Event);
            Assert.Null(change.Details);
        }

        [Theory]
        [InlineData("")]
        [InlineData("examplebody")]
        [InlineData("{\"text\":\"a Slack message\"}")]
        [InlineData("[1,2]")]
        [InlineData("[{\"settingKey\":\"a\"},{\"key\":\"b\"}]")]
        [InlineData("[{\"settingKey\":\"a\"}")]
        public void Other_bodies_have_no_change_details(string body)
        {
            Assert.Empty(ChangeDetailsParser.Parse(body));
        }
    }
}
