using System.Collections.Generic;
using System.Linq;

namespace ConfigCat.Tests.Support
{
    /// <summary>Small configs written for the client tests, and SDK keys of the right shape.</summary>
    public static class TestConfigs
    {
        public const string SdkKey = "configcat-sdk-1/TEST_KEY-0123456789012/1234567890123456789012";

        /// <summary>A valid v2 key derived from a name, so that tests do not share registry entries or cache files.</summary>
        public static string UniqueSdkKey(string name)
        {
            var body = (name + "_________________________").Replace('/', '_');
            return "configcat-sdk-1/" + body.Substring(0, 22) + "/" + System.Guid.NewGuid().ToString("N").Substring(0, 22);
        }

        /// <summary>A config with one string setting per entry; <paramref name="preferences"/> is the raw "p" object.</summary>
        public static string Strings(IDictionary<string, string> values, string preferences = "{\"u\":\"https://cdn-global.configcat.com\",\"r\":0,\"s\":\"c2FsdA==\"}")
        {
            var settings = values.Select(pair => "\"" + pair.Key + "\":{\"t\":1,\"v\":{\"s\":\"" + pair.Value + "\"},\"i\":\"id-" + pair.Key + "-" + pair.Value + "\"}");
            return "{\"p\":" + preferences + ",\"f\":{" + string.Join(",", settings) + "}}";
        }

        public static string OneString(string key, string value) => Strings(new Dictionary<string, string> { [key] = value });

        public static string Redirecting(string key, string value, string toBaseUrl, int redirectMode) =>
            Strings(new Dictionary<string, string> { [key] = value }, "{\"u\":\"" + toBaseUrl + "\",\"r\":" + redirectMode + ",\"s\":\"c2FsdA==\"}");
    }
}
