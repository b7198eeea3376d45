using ConfigCat.Engine.Hashing;
using Xunit;

namespace ConfigCat.Tests.Hashing
{
    public class Hash256Tests
    {
        private const string Digest = "a2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13bd";

        [Fact]
        public void Lowercase_hex_of_64_digits_round_trips()
        {
            Assert.True(Hash256.TryParseHex(Digest, out var hash));
            Assert.Equal(Digest, hash.ToString());
            Assert.Equal(0xa2868640b1fe24c9UL, hash.W0);
            Assert.Equal(0xb5d7d6ef8dad13bdUL, hash.W3);
        }

        [Theory]
        [InlineData("")]
        [InlineData("a2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13b")]
        [InlineData("a2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13bd0")]
        [InlineData("A2868640B1FE24C98E50B168756D83FD03779DD4349D6DDAB5D7D6EF8DAD13BD")]
        [InlineData("a2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13bD")]
        [InlineData("g2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13bd")]
        [InlineData(" 2868640b1fe24c98e50b168756d83fd03779dd4349d6ddab5d7d6ef8dad13bd")]
        [InlineData("a2868640b1fe24c98e50b168756d83fd-3779dd4349d6ddab5d7d6ef8dad13bd")]
        public void Anything_but_64_lowercase_hex_digits_is_rejected(string text)
        {
            Assert.False(Hash256.TryParseHex(text, out _));
        }

        [Fact]
        public void Digests_are_equal_only_when_every_word_is()
        {
            Hash256.TryParseHex(Digest, out var a);
            Hash256.TryParseHex(Digest, out var same);
            Hash256.TryParseHex(Digest.Substring(0, 63) + "c", out var lastDiffers);
            Hash256.TryParseHex("b" + Digest.Substring(1), out var firstDiffers);
            Assert.True(a.Equals(same));
            Assert.True(a.Equals((object)same));
            Assert.False(a.Equals(lastDiffers));
            Assert.False(a.Equals(firstDiffers));
        }
    }
}
