using System;
using System.Text;
using System.Text.RegularExpressions;
using ConfigCat.Engine.Text;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Text
{
    public class JsUtf8Tests
    {
        [Theory]
        [InlineData("")]
        [InlineData("abc")]
        [InlineData("\u0000\u007f")]
        [InlineData("\u0080\u07ff")]
        [InlineData("\u0800\uffff\ufffd\ud7ff\ue000")]
        [InlineData("äöüÄÖÜçéèñışğâ¢™✓😀")]
        [InlineData("日本ユーザー")]
        [InlineData("\ud800\udc00\udbff\udfff")]
        [InlineData("k😀😀x🇭🇺")]
        public void Valid_text_encodes_like_Encoding_UTF8(string text)
        {
            var expected = Encoding.UTF8.GetBytes(text);
            Assert.Equal(expected, JsUtf8.GetBytes(text));
            Assert.Equal(expected.Length, JsUtf8.GetByteCount(text));
            Assert.True(JsUtf8.MaxByteCount(text.Length) >= expected.Length);
        }

        [Fact]
        public void Every_valid_code_point_encodes_like_Encoding_UTF8()
        {
            for (var cp = 0; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 97)
            {
                if (cp >= 0xD800 && cp <= 0xDFFF)
                {
                    continue;
                }

                var text = char.ConvertFromUtf32(cp);
                Assert.Equal(Encoding.UTF8.GetBytes(text), JsUtf8.GetBytes(text));
            }
        }

        /// <summary>Expected bytes from the JavaScript SDK's <c>utf8Encode</c> (configcat-common 9.4.1, node 20). The text
        /// is passed escaped because xunit cannot carry lone surrogates in theory data.</summary>
        [Theory]
        [InlineData(@"\ud800", "eda080")]
        [InlineData(@"\udfff", "edbfbf")]
        [InlineData(@"a\ud800b\udfffc", "61eda08062edbfbf63")]
        [InlineData(@"\ude00\ud83d", "edb880eda0bd")]
        [InlineData(@"\ud83d\ud83d\ude00", "eda0bdf09f9880")]
        [InlineData(@"x\ud83d", "78eda0bd")]
        public void Lone_surrogates_encode_as_three_bytes_like_JavaScript(string escapedText, string expectedHex)
        {
            var text = Regex.Unescape(escapedText);
            var bytes = JsUtf8.GetBytes(text);
            Assert.Equal(expectedHex, Hex.Of(bytes).ToLowerInvariant());
            Assert.Equal(bytes.Length, JsUtf8.GetByteCount(text));
            Assert.True(JsUtf8.MaxByteCount(text.Length) >= bytes.Length);
        }

        [Fact]
        public void Encode_writes_into_a_larger_buffer_and_returns_the_length()
        {
            var buffer = new byte[16];
            buffer.AsSpan().Fill(0xAA);
            var length = JsUtf8.Encode("é😀", buffer);
            Assert.Equal(6, length);
            Assert.Equal("c3a9f09f9880aa", Hex.Of(buffer, 0, 7).ToLowerInvariant());
        }
    }
}
