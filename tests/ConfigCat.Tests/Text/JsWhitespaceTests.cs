using System.Linq;
using ConfigCat.Engine.Text;
using Xunit;

namespace ConfigCat.Tests.Text
{
    public class JsWhitespaceTests
    {
        /// <summary>Every UTF-16 code unit c with <c>String.fromCharCode(c).trim() === ""</c> in node 20.</summary>
        private static readonly int[] JavaScriptWhiteSpace =
        {
            0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
            0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
        };

        [Fact]
        public void White_space_is_exactly_the_set_JavaScript_trims()
        {
            for (var c = 0; c <= 0xFFFF; c++)
            {
                Assert.True(JavaScriptWhiteSpace.Contains(c) == JsWhitespace.IsWhiteSpace((char)c), "U+" + c.ToString("X4"));
            }
        }

        [Theory]
        [InlineData("\uFEFF 1.0.0 \uFEFF", "1.0.0")]
        [InlineData("\u00851.0.0\u0085", "\u00851.0.0\u0085")]
        [InlineData("\u200B1\u200B", "\u200B1\u200B")]
        [InlineData("\u180E1", "\u180E1")]
        [InlineData("\t\n\v\f\r \u00A0\u3000x y\u2028\u2029", "x y")]
        [InlineData("   ", "")]
        [InlineData("", "")]
        [InlineData("a", "a")]
        public void Trim_removes_JavaScript_white_space_at_both_ends_only(string text, string expected)
        {
            Assert.Equal(expected, JsWhitespace.Trim(text));
        }

        [Fact]
        public void Trim_returns_the_same_instance_when_there_is_nothing_to_trim()
        {
            var text = "no white space";
            Assert.Same(text, JsWhitespace.Trim(text));
        }
    }
}
