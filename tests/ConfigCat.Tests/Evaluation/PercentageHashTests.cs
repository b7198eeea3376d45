using ConfigCat.Engine.Evaluation;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    public class PercentageHashTests
    {
        [Theory]
        [InlineData("dependentFeature", "12345", 78)]
        [InlineData("newDashboard", "user-42", 72)]
        public void Spec_vectors(string key, string attribute, int expected)
        {
            Assert.Equal(expected, PercentageHash.Compute(key, attribute));
        }

        /// <summary>Expected buckets: <c>parseInt(sha1(key + value).substring(0, 7), 16) % 100</c> with configcat-common
        /// 9.4.1's own <c>sha1</c> (which UTF-8 encodes lone surrogates as three bytes) in node 20.</summary>
        [Theory]
        [InlineData("flag", "ünï", 92)]
        [InlineData("k😀", "日本ユーザー", 58)]
        [InlineData("x", "", 84)]
        [InlineData("", "😀", 96)]
        public void Buckets_agree_with_the_JavaScript_SDK(string key, string attribute, int expected)
        {
            Assert.Equal(expected, PercentageHash.Compute(key, attribute));
        }

        [Fact]
        public void Lone_surrogates_are_hashed_as_JavaScript_encodes_them()
        {
            Assert.Equal(5, PercentageHash.Compute("lone\ud800", "x"));
            Assert.Equal(17, PercentageHash.Compute("key", "\udc00"));
        }

        /// <summary>JavaScript hashes the concatenated string, so a key ending in a high surrogate and a value starting
        /// with a low one form a single 4-byte character.</summary>
        [Fact]
        public void Surrogate_halves_split_between_key_and_value_join_like_in_JavaScript()
        {
            Assert.Equal(42, PercentageHash.Compute("key\ud83d", "\ude00"));
        }

        /// <summary>Longer than the stack buffer; expected buckets from node as above.</summary>
        [Fact]
        public void Long_keys_and_values_agree_with_the_JavaScript_SDK()
        {
            Assert.Equal(63, PercentageHash.Compute("k", new string('é', 400)));
            Assert.Equal(29, PercentageHash.Compute("k", new string('a', 600)));
            Assert.Equal(10, PercentageHash.Compute(new string('a', 300), string.Concat(System.Linq.Enumerable.Repeat("😀", 100))));
        }
    }
}
