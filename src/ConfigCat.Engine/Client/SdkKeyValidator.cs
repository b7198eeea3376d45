using System;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Client
{
    /// <summary>The shapes of SDK key ConfigCat issues (-SdkKey in docs/en-US/Connect-ConfigCat.md). Only lengths are
    /// checked, not characters.</summary>
    internal static class SdkKeyValidator
    {
        private const string V2Prefix = "configcat-sdk-1";
        private const string ProxyPrefix = "configcat-proxy/";
        private const int PartLength = 22;

        /// <param name="hasCustomBaseUrl">A ConfigCat Proxy key (<c>configcat-proxy/…</c>) is only valid with a custom base URL.</param>
        public static bool IsValid(string? sdkKey, bool hasCustomBaseUrl)
        {
            if (string.IsNullOrEmpty(sdkKey))
            {
                return false;
            }

            if (hasCustomBaseUrl && sdkKey!.StartsWith(ProxyPrefix, StringComparison.Ordinal) && sdkKey.Length > ProxyPrefix.Length)
            {
                return true;
            }

            var parts = sdkKey!.Split('/');
            return parts.Length switch
            {
                2 => parts[0].Length == PartLength && parts[1].Length == PartLength,
                3 => parts[0] == V2Prefix && parts[1].Length == PartLength && parts[2].Length == PartLength,
                _ => false,
            };
        }

        /// <summary>Throws an <see cref="ArgumentException"/> that shows the key masked, never whole.</summary>
        public static void Validate(string? sdkKey, bool hasCustomBaseUrl)
        {
            if (string.IsNullOrEmpty(sdkKey))
            {
                throw new ArgumentException("The SDK key is empty. Copy it from the ConfigCat Dashboard (https://app.configcat.com/sdkkey).", nameof(sdkKey));
            }

            if (!IsValid(sdkKey, hasCustomBaseUrl))
            {
                // The Proxy hint only for a key meant for one: to everyone else it is noise that suggests a wrong fix.
                var proxyHint = !sdkKey!.StartsWith(ProxyPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) ? string.Empty
                    : hasCustomBaseUrl ? " A ConfigCat Proxy key is 'configcat-proxy/<name>'."
                    : " A 'configcat-proxy/' key needs a custom base URL, that of the ConfigCat Proxy.";
                throw new ArgumentException("The SDK key '" + SdkKeyMask.Mask(sdkKey) + "' is not a valid ConfigCat SDK key: expected 'configcat-sdk-1/<22 characters>/<22 characters>' or a legacy '<22 characters>/<22 characters>' key."
                    + proxyHint, nameof(sdkKey));
            }
        }
    }
}
