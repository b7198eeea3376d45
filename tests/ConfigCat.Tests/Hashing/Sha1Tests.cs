using System;
using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Hashing;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Hashing
{
    /// <summary>The engine's own SHA-1 must agree with the platform's for every message length around the padding
    /// boundaries (55/56 bytes leave no room for the length, 64 fills a block) and for every way the message is split
    /// between its two input spans.</summary>
    public class Sha1Tests
    {
        public static IEnumerable<object[]> Lengths() => HashTestData.Lengths.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(Lengths))]
        public void Digest_matches_the_platform_for_every_split_point(int length)
        {
            var message = HashTestData.Message(length);
            var expected = Hex.PlatformSha1(message);
            foreach (var split in HashTestData.SplitPoints(length))
            {
                Assert.Equal(Hex.Of(expected), Hex.Of(Digest(message.AsSpan(0, split), message.AsSpan(split))));
            }
        }

        [Fact]
        public void Digest_of_the_empty_message_is_the_published_value()
        {
            Assert.Equal("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709", Hex.Of(Digest(default, default)));
        }

        [Fact]
        public void Digest_of_abc_is_the_FIPS_180_example()
        {
            var abc = "abc"u8.ToArray();
            Assert.Equal("A9993E364706816ABA3E25717850C26C9CD0D89D", Hex.Of(Digest(abc, default)));
        }

        private static byte[] Digest(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
        {
            Span<uint> words = stackalloc uint[5];
            Sha1.Hash(first, second, words);
            var bytes = new byte[20];
            for (var i = 0; i < 5; i++)
            {
                bytes[i * 4] = (byte)(words[i] >> 24);
                bytes[(i * 4) + 1] = (byte)(words[i] >> 16);
                bytes[(i * 4) + 2] = (byte)(words[i] >> 8);
                bytes[(i * 4) + 3] = (byte)words[i];
            }

            return bytes;
        }
    }
}
