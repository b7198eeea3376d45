using System;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Polling;
using Xunit;

namespace ConfigCat.Tests.Client
{
    public class SdkKeyValidationTests
    {
        [Theory]
        [InlineData("configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ", false, true)]
        [InlineData("PKDVCLf-Hq-h-kCzMp-L7Q/psuH7BGHoUmdONrzzUOY7A", false, true)]
        [InlineData("configcat-sdk-2/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ", false, false)]
        [InlineData("configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6Jis", false, false)]
        [InlineData("PKDVCLf-Hq-h-kCzMp-L7Q", false, false)]
        [InlineData("configcat-proxy/my_sdk", false, false)]
        [InlineData("configcat-proxy/my_sdk", true, true)]
        [InlineData("configcat-proxy/", true, false)]
        [InlineData("", false, false)]
        public void Key_shapes(string key, bool customBaseUrl, bool valid)
        {
            Assert.Equal(valid, SdkKeyValidator.IsValid(key, customBaseUrl));
        }

        [Fact]
        public void Invalid_key_is_rejected_without_showing_it_whole()
        {
            const string key = "configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/short";
            var error = Assert.Throws<ArgumentException>(() => new ConfigCatClient(key, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll }));

            Assert.DoesNotContain("PKDVCLf-Hq-h-kCzMp-L7Q", error.Message);
            Assert.Contains("configcat-sdk-1/<22 characters>/<22 characters>", error.Message);
        }

        [Theory]
        [InlineData(0.5)]
        [InlineData(2_147_484)]
        public void Poll_interval_out_of_range_is_rejected(double seconds)
        {
            var options = new ConfigCatClientOptions { PollInterval = TimeSpan.FromSeconds(seconds) };
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
            Assert.Equal(nameof(ConfigCatClientOptions.PollInterval), error.ParamName);
        }
    }
}
