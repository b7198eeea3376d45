using System;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Parsing;
using Xunit;

namespace ConfigCat.Tests.Caching
{
    public class CacheFormatTests
    {
        [Theory]
        [InlineData("configcat-sdk-1/TEST_KEY-0123456789012/1234567890123456789012", "f83ba5d45bceb4bb704410f51b704fb6dfa19942")]
        [InlineData("configcat-sdk-1/TEST_KEY2-123456789012/1234567890123456789012", "da7bfd8662209c8ed3f9db96daed4f8d91ba5876")]
        public void Cache_key_follows_the_cross_sdk_recipe(string sdkKey, string expected)
        {
            Assert.Equal(expected, CacheKey.Compute(sdkKey));
        }

        [Fact]
        public void Entry_is_serialized_in_the_cross_sdk_format()
        {
            const string json = "{\"p\":{\"u\":\"https://cdn-global.configcat.com\",\"r\":0},\"f\":{\"testKey\":{\"v\":{\"s\":\"testValue\"},\"t\":1,\"p\":[],\"r\":[]}}}";
            var fetchTime = new DateTime(2023, 6, 14, 15, 27, 15, 844, DateTimeKind.Utc);
            var entry = new ProjectConfig(json, ConfigJsonParser.Parse(json), fetchTime, "test-etag");

            Assert.Equal("1686756435844\ntest-etag\n" + json, ProjectConfigSerializer.Serialize(entry));
        }

        [Fact]
        public void Entry_round_trips_with_newlines_inside_the_json()
        {
            const string json = "{\n\"f\": {\"k\": {\"t\": 0, \"v\": {\"b\": true}}}\n}";
            var serialized = "1686756435844\n\"abc\"\n" + json;

            var entry = ProjectConfigSerializer.Deserialize(serialized);

            Assert.Equal(json, entry.ConfigJson);
            Assert.Equal("\"abc\"", entry.ETag);
            Assert.Equal(new DateTime(2023, 6, 14, 15, 27, 15, 844, DateTimeKind.Utc), entry.FetchTime);
            Assert.True(entry.Config!.Settings.ContainsKey("k"));
        }

        [Theory]
        [InlineData("", "fewer than expected")]
        [InlineData("123\netag", "fewer than expected")]
        [InlineData("abc\netag\n{}", "Invalid fetch time: abc")]
        public void Malformed_entries_are_rejected_with_a_reason(string serialized, string reason)
        {
            var error = Assert.Throws<FormatException>(() => ProjectConfigSerializer.Deserialize(serialized));
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void Entry_with_invalid_json_is_rejected()
        {
            Assert.Throws<ConfigJsonException>(() => ProjectConfigSerializer.Deserialize("1686756435844\netag\n{\"f\":"));
        }

        [Fact]
        public void Entry_without_json_is_empty()
        {
            var entry = ProjectConfigSerializer.Deserialize("1686756435844\n\n");
            Assert.True(entry.IsEmpty);
            Assert.Null(entry.ETag);
        }
    }
}
