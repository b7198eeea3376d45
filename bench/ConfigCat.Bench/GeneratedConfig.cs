using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConfigCat.Bench
{
    /// <summary>
    /// Deterministic config JSON v6 of any size, with the mix of a real project: every block of 20 settings has 7
    /// plain values, 3 with cleartext text rules, 2 with % options, 1 rule with % options, 1 semver, 1 number,
    /// 1 hashed IS ONE OF, 1 hashed STARTS WITH, 1 segment, 1 prerequisite flag and 1 array/date rule. Users are
    /// generated to hit every branch (missing email, unparsable version, no user).
    /// </summary>
    internal static class GeneratedConfig
    {
        public const int LargeSettingCount = 1000;

        /// <summary>The settings counts of the scale benchmarks.</summary>
        public static readonly int[] ScaleSettingCounts = { 10, 1000, 10000 };

        /// <summary>A setting with three text rules, present in every generated config however small.</summary>
        public static readonly string ScaleProbeKey = KeyOf(9);

        // As long as the salts the CDN issues (32 bytes in base64), so hashed comparators hash as many blocks as in production.
        private const string Salt = "Y29uZmlnY2F0LWJlbmNoLWdlbmVyYXRlZC1zYWx0ISE=";
        private static readonly string[] Countries = { "HU", "DE", "US", "GB", "AT" };
        private static readonly string[] Versions = { "1.2.3", "2.0.0", "2.1.0-beta.1", "1.4.9", "v3.0.0", "not-a-version" };

        public static string KeyOf(int index) => "setting" + index.ToString("D5");

        public static UserSpec[] Users()
        {
            var users = new UserSpec[15];
            for (var n = 0; n < users.Length; n++)
            {
                var email = (n % 4) switch
                {
                    0 => "user" + n + "@example.com",
                    1 => "admin" + n + "@configcat.com",
                    2 => "user" + n + "@gmail.com",
                    _ => null,
                };
                var country = n % 6 == 5 ? null : Countries[n % 5];
                var roles = (n % 3) switch
                {
                    0 => new[] { "admin" },
                    1 => new[] { "dev", "ops" },
                    _ => null,
                };
                var custom = roles == null
                    ? new (string, object)[] { ("AppVersion", Versions[n % Versions.Length]), ("Age", (double)(n * 5)), ("SignupDate", 1_690_000_000d + (n * 1_000_000d)) }
                    : new (string, object)[] { ("AppVersion", Versions[n % Versions.Length]), ("Age", (double)(n * 5)), ("SignupDate", 1_690_000_000d + (n * 1_000_000d)), ("Roles", roles) };
                users[n] = new UserSpec("user-" + n, email, country, custom);
            }

            return users;
        }

        /// <summary>Writes out/bench/generated_N.json unless it already holds exactly this text; returns its path.</summary>
        public static string EnsureFile(int settingCount)
        {
            var path = Path.Combine(BenchPaths.Output, "generated_" + settingCount + ".json");
            var json = Json(settingCount);
            if (!File.Exists(path) || File.ReadAllText(path) != json)
            {
                File.WriteAllText(path, json);
            }

            return path;
        }

        public static string Json(int settingCount)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartObject("p");
                w.WriteString("u", "https://cdn-global.configcat.com");
                w.WriteNumber("r", 0);
                w.WriteString("s", Salt);
                w.WriteEndObject();

                w.WriteStartArray("s");
                Segment(w, "Beta users", () => BareUserCondition(w, "Email", 32, null, null, new[] { "@example.com" }));
                Segment(w, "Hungary", () => BareUserCondition(w, "Country", 0, null, null, new[] { "HU" }));
                w.WriteEndArray();

                w.WriteStartObject("f");
                for (var i = 0; i < settingCount; i++)
                {
                    w.WriteStartObject(KeyOf(i));
                    WriteSetting(w, i);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WriteSetting(Utf8JsonWriter w, int i)
        {
            var key = KeyOf(i);
            string Id(string part) => "v" + i + "-" + part;
            switch (i % 20)
            {
                case 0:
                case 1:
                case 6:
                    Plain(w, 0, () => w.WriteBoolean("b", i % 3 == 0), Id("0"));
                    break;
                case 2:
                case 3:
                    Plain(w, 1, () => w.WriteString("s", "text-" + i), Id("0"));
                    break;
                case 4:
                    Plain(w, 2, () => w.WriteNumber("i", i), Id("0"));
                    break;
                case 5:
                    Plain(w, 3, () => w.WriteNumber("d", i + 0.25), Id("0"));
                    break;
                case 7:
                    w.WriteNumber("t", 1);
                    Rules(w, (() => UserCondition(w, "Email", 22, list: new[] { HashedPrefix("admin", key) }), () => w.WriteString("s", "hashed-prefix"), Id("1")));
                    Value(w, () => w.WriteString("s", "none"), Id("0"));
                    break;
                case 8:
                    w.WriteNumber("t", 0);
                    Rules(w, (() => UserCondition(w, "Email", 2, list: new[] { "@example.com" }), () => w.WriteBoolean("b", true), Id("1")));
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
                case 9:
                    w.WriteNumber("t", 1);
                    Rules(w,
                        (() => UserCondition(w, "Email", 32, list: new[] { "@configcat.com" }), () => w.WriteString("s", "a"), Id("1")),
                        (() => UserCondition(w, "Country", 0, list: new[] { "DE", "AT", "CH" }), () => w.WriteString("s", "b"), Id("2")),
                        (() => UserCondition(w, "Email", 30, list: new[] { "user1", "user2" }), () => w.WriteString("s", "c"), Id("3")));
                    Value(w, () => w.WriteString("s", "none"), Id("0"));
                    break;
                case 10:
                    w.WriteNumber("t", 2);
                    Rules(w, (() => UserCondition(w, "Identifier", 0, list: new[] { "user-1", "user-3", "user-7" }), () => w.WriteNumber("i", 1), Id("1")));
                    Value(w, () => w.WriteNumber("i", 0), Id("0"));
                    break;
                case 11:
                    w.WriteNumber("t", 0);
                    Options(w, (30, () => w.WriteBoolean("b", true), Id("1")), (70, () => w.WriteBoolean("b", false), Id("2")));
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
                case 12:
                    w.WriteNumber("t", 1);
                    w.WriteString("a", "Email");
                    Options(w, (25, () => w.WriteString("s", "red"), Id("1")), (25, () => w.WriteString("s", "green"), Id("2")),
                        (25, () => w.WriteString("s", "blue"), Id("3")), (25, () => w.WriteString("s", "black"), Id("4")));
                    Value(w, () => w.WriteString("s", "white"), Id("0"));
                    break;
                case 13:
                    w.WriteNumber("t", 0);
                    w.WriteStartArray("r");
                    w.WriteStartObject();
                    w.WriteStartArray("c");
                    UserCondition(w, "Country", 0, list: new[] { "HU", "DE" });
                    w.WriteEndArray();
                    Options(w, (50, () => w.WriteBoolean("b", true), Id("1")), (50, () => w.WriteBoolean("b", false), Id("2")));
                    w.WriteEndObject();
                    w.WriteEndArray();
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
                case 14:
                    w.WriteNumber("t", 1);
                    Rules(w,
                        (() => UserCondition(w, "AppVersion", 9, text: "2.0.0"), () => w.WriteString("s", "new"), Id("1")),
                        (() => UserCondition(w, "AppVersion", 6, text: "1.5.0"), () => w.WriteString("s", "old"), Id("2")));
                    Value(w, () => w.WriteString("s", "mid"), Id("0"));
                    break;
                case 15:
                    w.WriteNumber("t", 3);
                    Rules(w, (() => UserCondition(w, "Age", 14, number: 18), () => w.WriteNumber("d", 1.5), Id("1")));
                    Value(w, () => w.WriteNumber("d", 0.5), Id("0"));
                    break;
                case 16:
                    w.WriteNumber("t", 0);
                    Rules(w, (() => UserCondition(w, "Email", 16, list: new[] { Hashed("user0@example.com", key), Hashed("admin5@configcat.com", key) }), () => w.WriteBoolean("b", true), Id("1")));
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
                case 17:
                    w.WriteNumber("t", 0);
                    Rules(w, (() => SegmentCondition(w, i % 2), () => w.WriteBoolean("b", true), Id("1")));
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
                case 18:
                    w.WriteNumber("t", 0);
                    Rules(w, (() => PrerequisiteCondition(w, KeyOf(i - 10)), () => w.WriteBoolean("b", true), Id("1")));
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
                default:
                    w.WriteNumber("t", 0);
                    Rules(w,
                        (() => UserCondition(w, "Roles", 34, list: new[] { "admin" }), () => w.WriteBoolean("b", true), Id("1")),
                        (() => UserCondition(w, "SignupDate", 19, number: 1_695_000_000), () => w.WriteBoolean("b", true), Id("2")));
                    Value(w, () => w.WriteBoolean("b", false), Id("0"));
                    break;
            }
        }

        private static void Plain(Utf8JsonWriter w, int type, Action value, string variationId)
        {
            w.WriteNumber("t", type);
            Value(w, value, variationId);
        }

        private static void Value(Utf8JsonWriter w, Action value, string variationId)
        {
            w.WriteStartObject("v");
            value();
            w.WriteEndObject();
            w.WriteString("i", variationId);
        }

        private static void Rules(Utf8JsonWriter w, params (Action Condition, Action Value, string VariationId)[] rules)
        {
            w.WriteStartArray("r");
            foreach (var (condition, value, variationId) in rules)
            {
                w.WriteStartObject();
                w.WriteStartArray("c");
                condition();
                w.WriteEndArray();
                w.WriteStartObject("s");
                Value(w, value, variationId);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void Options(Utf8JsonWriter w, params (int Percentage, Action Value, string VariationId)[] options)
        {
            w.WriteStartArray("p");
            foreach (var (percentage, value, variationId) in options)
            {
                w.WriteStartObject();
                w.WriteNumber("p", percentage);
                Value(w, value, variationId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void Segment(Utf8JsonWriter w, string name, Action condition)
        {
            w.WriteStartObject();
            w.WriteString("n", name);
            w.WriteStartArray("r");
            condition();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        /// <summary>A bare user condition (segments list them without the <c>{"u": ...}</c> wrapper).</summary>
        private static void BareUserCondition(Utf8JsonWriter w, string attribute, int comparator, string? text, double? number, string[]? list)
        {
            w.WriteStartObject();
            w.WriteString("a", attribute);
            w.WriteNumber("c", comparator);
            if (text != null)
            {
                w.WriteString("s", text);
            }

            if (number != null)
            {
                w.WriteNumber("d", number.Value);
            }

            if (list != null)
            {
                w.WriteStartArray("l");
                foreach (var item in list)
                {
                    w.WriteStringValue(item);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        private static void UserCondition(Utf8JsonWriter w, string attribute, int comparator, string? text = null, double? number = null, string[]? list = null)
        {
            w.WriteStartObject();
            w.WritePropertyName("u");
            BareUserCondition(w, attribute, comparator, text, number, list);
            w.WriteEndObject();
        }

        private static void SegmentCondition(Utf8JsonWriter w, int segment)
        {
            w.WriteStartObject();
            w.WriteStartObject("s");
            w.WriteNumber("s", segment);
            w.WriteNumber("c", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static void PrerequisiteCondition(Utf8JsonWriter w, string key)
        {
            w.WriteStartObject();
            w.WriteStartObject("p");
            w.WriteString("f", key);
            w.WriteNumber("c", 0);
            w.WriteStartObject("v");
            w.WriteBoolean("b", true);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static string Hashed(string value, string contextSalt) =>
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value + Salt + contextSalt))).ToLowerInvariant();

        private static string HashedPrefix(string prefix, string contextSalt) =>
            Encoding.UTF8.GetByteCount(prefix) + "_" + Hashed(prefix, contextSalt);
    }
}
