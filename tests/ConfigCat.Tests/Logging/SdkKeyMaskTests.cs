using ConfigCat.Engine.Logging;
using Xunit;

namespace ConfigCat.Tests.Logging
{
    public class SdkKeyMaskTests
    {
        /// <summary>Expected: configcat-common 9.4.1's <c>maskSdkKey</c> in node 20 (the first is also the spec's vector).</summary>
        [Theory]
        [InlineData("configcat-sdk-1/PKDVCLf-Hq-h-kCzMp-L7Q/AG6C1ngVb0CvM07un6JisQ", "***************/**********************/****************n6JisQ")]
        [InlineData("PKDVCLf-Hq-h-kCzMp-L7Q/psuH7BGHoUmdONrzzUOY7A", "**********************/****************zUOY7A")]
        [InlineData("configcat-proxy/my-key", "***************/my-key")]
        [InlineData("a/b/c/d/e/f/g/h", "*/*/*/*/*/f/g/h")]
        [InlineData("abcdefghijklm", "*******hijklm")]
        public void Keys_are_masked_like_the_JavaScript_SDK_does(string sdkKey, string expected)
        {
            Assert.Equal(expected, SdkKeyMask.Mask(sdkKey));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void Nothing_to_mask_gives_empty_text(string? sdkKey)
        {
            Assert.Equal(string.Empty, SdkKeyMask.Mask(sdkKey));
        }
    }
}
