using System.Linq;
using ConfigCat.Engine.Evaluation;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    public class SemVersionTests
    {
        /// <summary>Validity as configcat-common 9.4.1's <c>Semver.parse</c> (node-semver, strict) decides it in node 20.</summary>
        [Theory]
        [InlineData("1.0.0", true)]
        [InlineData("v1.0.0", true)]
        [InlineData("V1.0.0", false)]
        [InlineData("=1.0.0", false)]
        [InlineData("vv1.0.0", false)]
        [InlineData("01.0.0", false)]
        [InlineData("1.01.0", false)]
        [InlineData("1.0.01", false)]
        [InlineData("0.0.0", true)]
        [InlineData("1.0", false)]
        [InlineData("1", false)]
        [InlineData("1.0.0.0", false)]
        [InlineData("1.0.0-01", false)]
        [InlineData("1.0.0-0a", true)]
        [InlineData("1.0.0-0", true)]
        [InlineData("1.0.0-00", false)]
        [InlineData("1.0.0-a.01", false)]
        [InlineData("1.0.0+build.01", true)]
        [InlineData("1.0.0+", false)]
        [InlineData("1.0.0-", false)]
        [InlineData("1.0.0-a..b", false)]
        [InlineData("1.0.0-a+b+c", false)]
        [InlineData("1.0.0-alpha_beta", false)]
        [InlineData("1.0.0-\u00e9", false)]
        [InlineData("1.0.0+build-1.x", true)]
        [InlineData("1.0.0--", true)]
        [InlineData("1.0.0-x-y", true)]
        [InlineData(" 1.0.0", false)]
        [InlineData("1.0.0 ", false)]
        [InlineData("1.0.0\n", false)]
        [InlineData("\uff11.0.0", false)]
        [InlineData("", false)]
        [InlineData("9007199254740991.0.0", true)]
        [InlineData("9007199254740992.0.0", false)]
        [InlineData("0.0.9007199254740991", true)]
        [InlineData("0.9007199254740993.0", false)]
        [InlineData("99999999999999999.0.0", false)]
        [InlineData("1.0.0-9007199254740992", true)]
        [InlineData("1.0.0-99999999999999999999", true)]
        [InlineData("1.2.3-beta.11+sha.5114f85", true)]
        [InlineData("1.0.0-a.b.c.d.e.f.g", true)]
        [InlineData("1.0.0-0.3.7", true)]
        [InlineData("1.0.0-x.7.z.92", true)]
        [InlineData("1.0.0-alpha+001", true)]
        [InlineData("1.0.0+20130313144700", true)]
        [InlineData("1.0.0-beta+exp.sha.5114f85", true)]
        public void Validity_follows_node_semver_strict(string text, bool valid)
        {
            Assert.Equal(valid, SemVersion.Parse(text) != null);
        }

        [Fact]
        public void At_most_256_characters_are_accepted()
        {
            var longest = "1.0.0-" + new string('a', 250);
            Assert.Equal(256, longest.Length);
            Assert.NotNull(SemVersion.Parse(longest));
            Assert.Null(SemVersion.Parse(longest + "a"));
        }

        /// <summary>semver.org §11.4: each version has lower precedence than the next.</summary>
        [Fact]
        public void Precedence_follows_semver_org()
        {
            var ordered = new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0" }
                .Select(Parse).ToArray();
            for (var i = 0; i < ordered.Length; i++)
            {
                for (var j = 0; j < ordered.Length; j++)
                {
                    Assert.Equal(i.CompareTo(j), System.Math.Sign(ordered[i].CompareTo(ordered[j])));
                }
            }
        }

        [Theory]
        [InlineData("2.0.0+001", "2.0.0")]
        [InlineData("2.0.0+001", "2.0.0+002")]
        [InlineData("1.0.0-rc.1+a", "1.0.0-rc.1+b.c")]
        [InlineData("v1.2.3", "1.2.3")]
        public void Build_metadata_and_the_v_prefix_do_not_count(string a, string b)
        {
            Assert.Equal(0, Parse(a).CompareTo(Parse(b)));
        }

        [Theory]
        [InlineData("1.0.0-2", "1.0.0-10", -1)]
        [InlineData("1.0.0-10", "1.0.0-a", -1)]
        [InlineData("1.0.0-Z", "1.0.0-a", -1)]
        [InlineData("1.0.0-a-b", "1.0.0-a", 1)]
        [InlineData("1.0.0-0a", "1.0.0-1", 1)]
        [InlineData("9007199254740991.0.0", "9007199254740990.9.9", 1)]
        [InlineData("1.0.0-999999999999999", "1.0.0-1000000000000000", -1)]
        [InlineData("1.0.0-rc.999999999999998", "1.0.0-rc.999999999999999", -1)]
        public void Identifiers_compare_numerically_then_by_ASCII(string a, string b, int expected)
        {
            Assert.Equal(expected, System.Math.Sign(Parse(a).CompareTo(Parse(b))));
            Assert.Equal(-expected, System.Math.Sign(Parse(b).CompareTo(Parse(a))));
        }

        /// <summary>node-semver compares numeric prerelease identifiers as JavaScript numbers, so those beyond 2^53
        /// that round to the same double are equal, and it stops at the first identifier whose text differs (results
        /// of <c>compare</c> in node 20).</summary>
        [Theory]
        [InlineData("1.0.0-99999999999999999999", "1.0.0-99999999999999999998", 0)]
        [InlineData("1.0.0-9007199254740993", "1.0.0-9007199254740992", 0)]
        [InlineData("1.0.0-18014398509481984", "1.0.0-18014398509481985", 0)]
        [InlineData("1.0.0-9007199254740991", "1.0.0-9007199254740992", -1)]
        [InlineData("1.0.0-9007199254740993.9007199254740993.9007199254740993", "1.0.0-9007199254740992.9007199254740992.2", 0)]
        [InlineData("1.0.0-9007199254740993", "1.0.0-9007199254740992.alpha", 0)]
        [InlineData("1.0.0-9007199254740993.alpha", "1.0.0-9007199254740992", 0)]
        [InlineData("1.0.0-9007199254740993.1", "1.0.0-9007199254740993.2", -1)]
        public void Huge_numeric_prerelease_identifiers_compare_like_JavaScript_numbers(string a, string b, int expected)
        {
            Assert.Equal(expected, System.Math.Sign(Parse(a).CompareTo(Parse(b))));
        }

        private static SemVersion Parse(string text) => SemVersion.Parse(text) ?? throw new Xunit.Sdk.XunitException("not a version: " + text);
    }
}
