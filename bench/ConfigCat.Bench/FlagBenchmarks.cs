using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Hashing;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Bench
{
    /// <summary>
    /// One evaluation of one kind of flag, and the hash functions on their own, so that a hashed comparator or a %
    /// option can be compared with the hash it cannot avoid. The user matches the last of the three text rules, so all
    /// three are evaluated; the hashed flags match, so exactly one digest is computed; the salt is as long as the
    /// CDN's, so value ‖ salt ‖ key takes two SHA-256 blocks as in production.
    /// </summary>
    [MemoryDiagnoser]
    public class FlagBenchmarks
    {
        private const string Salt = "Y29uZmlnY2F0LWJlbmNoLW1pY3JvLXNhbHQtMzJiISE=";
        private const string Email = "jane@example.com";

        private static readonly string ConfigJson = "{\"p\":{\"u\":\"https://cdn-global.configcat.com\",\"r\":0,\"s\":\"" + Salt + "\"},\"f\":{"
            + "\"simple\":{\"t\":0,\"v\":{\"b\":true},\"i\":\"s1\"},"
            + "\"threeTextRules\":{\"t\":1,\"r\":["
            + "{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":2,\"l\":[\"@nowhere.org\"]}}],\"s\":{\"v\":{\"s\":\"a\"},\"i\":\"t1\"}},"
            + "{\"c\":[{\"u\":{\"a\":\"Country\",\"c\":0,\"l\":[\"XX\",\"YY\",\"ZZ\"]}}],\"s\":{\"v\":{\"s\":\"b\"},\"i\":\"t2\"}},"
            + "{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":32,\"l\":[\"@example.com\"]}}],\"s\":{\"v\":{\"s\":\"c\"},\"i\":\"t3\"}}],"
            + "\"v\":{\"s\":\"none\"},\"i\":\"t0\"},"
            + "\"hashedIsOneOf\":{\"t\":0,\"r\":[{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":16,\"l\":[\"" + Hashed(Email, "hashedIsOneOf") + "\"]}}],\"s\":{\"v\":{\"b\":true},\"i\":\"h1\"}}],\"v\":{\"b\":false},\"i\":\"h0\"},"
            + "\"hashedStartsWith\":{\"t\":0,\"r\":[{\"c\":[{\"u\":{\"a\":\"Email\",\"c\":22,\"l\":[\"4_" + Hashed("jane", "hashedStartsWith") + "\"]}}],\"s\":{\"v\":{\"b\":true},\"i\":\"p1\"}}],\"v\":{\"b\":false},\"i\":\"p0\"},"
            + "\"percentage\":{\"t\":0,\"p\":[{\"p\":25,\"v\":{\"b\":true},\"i\":\"o1\"},{\"p\":25,\"v\":{\"b\":false},\"i\":\"o2\"},{\"p\":25,\"v\":{\"b\":true},\"i\":\"o3\"},{\"p\":25,\"v\":{\"b\":false},\"i\":\"o4\"}],\"v\":{\"b\":false},\"i\":\"o0\"},"
            + "\"missingAttribute\":{\"t\":0,\"r\":[{\"c\":[{\"u\":{\"a\":\"Plan\",\"c\":0,\"l\":[\"pro\"]}}],\"s\":{\"v\":{\"b\":true},\"i\":\"m1\"}}],\"v\":{\"b\":false},\"i\":\"m0\"},"
            + "\"semver\":{\"t\":0,\"r\":[{\"c\":[{\"u\":{\"a\":\"AppVersion\",\"c\":9,\"s\":\"2.0.0\"}}],\"s\":{\"v\":{\"b\":true},\"i\":\"v1\"}}],\"v\":{\"b\":false},\"i\":\"v0\"},"
            + "\"arrayJson\":{\"t\":0,\"r\":[{\"c\":[{\"u\":{\"a\":\"Roles\",\"c\":34,\"l\":[\"admin\"]}}],\"s\":{\"v\":{\"b\":true},\"i\":\"a1\"}}],\"v\":{\"b\":false},\"i\":\"a0\"}"
            + "}}";

        private SettingsMap settings = SettingsMap.Empty;
        private User user = new User("jane");
        private byte[] emailUtf8 = Array.Empty<byte>();
        private byte[] hashSuffix = Array.Empty<byte>();
        private byte[] percentageKey = Array.Empty<byte>();
        private byte[] identifierUtf8 = Array.Empty<byte>();

        [GlobalSetup]
        public void Setup()
        {
            settings = ConfigJsonParser.Parse(ConfigJson).Settings;
            user = new User("jane", Email, "HU", new[]
            {
                new KeyValuePair<string, object?>("AppVersion", "2.1.0-beta.1"),
                new KeyValuePair<string, object?>("Roles", "[\"dev\",\"admin\"]"),
            });
            emailUtf8 = Encoding.UTF8.GetBytes(Email);
            hashSuffix = Encoding.UTF8.GetBytes(Salt + "hashedIsOneOf");
            percentageKey = Encoding.UTF8.GetBytes("percentage");
            identifierUtf8 = Encoding.UTF8.GetBytes("jane");

            // A benchmark of the wrong path would look fast: check every flag gives the value it is meant to.
            Expect(SimpleNoUser(), true);
            Expect(ThreeTextRules(), "c");
            Expect(HashedIsOneOf(), true);
            Expect(HashedStartsWith(), true);
            Expect(MissingAttribute(), false);
            Expect(SemVer(), true);
            Expect(ArrayAttributeAsJson(), true);
        }

        [Benchmark]
        public object? SimpleNoUser() => Evaluate("simple", null);

        [Benchmark]
        public object? SimpleWithUser() => Evaluate("simple", user);

        [Benchmark]
        public object? ThreeTextRules() => Evaluate("threeTextRules", user);

        [Benchmark]
        public object? HashedIsOneOf() => Evaluate("hashedIsOneOf", user);

        [Benchmark]
        public object? HashedStartsWith() => Evaluate("hashedStartsWith", user);

        /// <summary>The digest a hashed IS ONE OF cannot avoid: SHA-256(email ‖ salt ‖ key), 73 bytes, two blocks.</summary>
        [Benchmark]
        public ulong Sha256Only() => Sha256.Hash(emailUtf8, hashSuffix).W0;

        [Benchmark]
        public object? PercentageOptions() => Evaluate("percentage", user);

        /// <summary>The digest a % option cannot avoid: SHA-1(key ‖ identifier), one block.</summary>
        [Benchmark]
        public uint Sha1Only()
        {
            Span<uint> digest = stackalloc uint[5];
            Sha1.Hash(percentageKey, identifierUtf8, digest);
            return digest[0];
        }

        [Benchmark]
        public object? MissingAttribute() => Evaluate("missingAttribute", user);

        [Benchmark]
        public object? SemVer() => Evaluate("semver", user);

        [Benchmark]
        public object? ArrayAttributeAsJson() => Evaluate("arrayJson", user);

        private object? Evaluate(string key, User? forUser) => Evaluator.Evaluate(settings, key, null, forUser, Logger.Null).Value;

        private static void Expect(object? actual, object expected)
        {
            if (!expected.Equals(actual))
            {
                throw new InvalidOperationException("A flag benchmark evaluates to '" + actual + "' instead of '" + expected + "'.");
            }
        }

        private static string Hashed(string value, string key) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value + Salt + key))).ToLowerInvariant();
    }
}
