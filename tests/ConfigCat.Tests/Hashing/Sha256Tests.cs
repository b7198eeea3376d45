using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ConfigCat.Engine.Hashing;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Hashing
{
    public class Sha256Tests
    {
        public static IEnumerable<object[]> Lengths() => HashTestData.Lengths.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(Lengths))]
        public void Digest_matches_the_platform_for_every_split_point(int length)
        {
            var message = HashTestData.Message(length);
            var expected = Hex.Of(Hex.PlatformSha256(message)).ToLowerInvariant();
            foreach (var split in HashTestData.SplitPoints(length))
            {
                Assert.Equal(expected, Sha256.Hash(message.AsSpan(0, split), message.AsSpan(split)).ToString());
            }
        }

        [Fact]
        public void Digest_of_the_empty_message_is_the_published_value()
        {
            Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.Hash(default, default).ToString());
        }

        [Fact]
        public void Digest_of_abc_is_the_FIPS_180_example()
        {
            Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.Hash("ab"u8, "c"u8).ToString());
        }

        /// <summary>The comparison hash vector of ConfigCat's SDK test data (comparison_value_trimming.json):
        /// SHA-256 of value ‖ config salt ‖ setting key.</summary>
        [Fact]
        public void Comparison_hash_of_the_spec_vector()
        {
            var suffix = Encoding.UTF8.GetBytes("zsVN1DQ9Oa2FjFc96MvPfMM5Vs+KKV00NyybJZipyf4=" + "equalshashed");
            Assert.Equal("a2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13bd", Sha256.Hash("12345"u8, suffix).ToString());
        }
    }
}
