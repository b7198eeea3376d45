using System;
using System.Net;

namespace ConfigCat.Engine.Fetching
{
    /// <summary>How to reach the CDN: where, with which identification, within which time, through which proxy.</summary>
    internal sealed class FetcherOptions
    {
        public const string GlobalBaseUrl = "https://cdn-global.configcat.com";
        public const string EuOnlyBaseUrl = "https://cdn-eu.configcat.com";

        public FetcherOptions(string sdkKey, Uri? customBaseUrl, DataGovernance dataGovernance, TimeSpan timeout, IWebProxy? proxy, string userAgent)
        {
            SdkKey = sdkKey;
            Timeout = timeout;
            Proxy = proxy;
            UserAgent = userAgent;
            var governed = new Uri(dataGovernance == DataGovernance.EuOnly ? EuOnlyBaseUrl : GlobalBaseUrl);
            InitialBaseUrl = customBaseUrl ?? governed;
            IsCustomBaseUrl = customBaseUrl != null && !SameBaseUrl(customBaseUrl, new Uri(GlobalBaseUrl)) && !SameBaseUrl(customBaseUrl, new Uri(EuOnlyBaseUrl));
        }

        public string SdkKey { get; }

        public Uri InitialBaseUrl { get; }

        /// <summary>A base URL other than the two CDNs (a ConfigCat Proxy, a dedicated CDN): the config's redirect
        /// preferences are then followed only when forced.</summary>
        public bool IsCustomBaseUrl { get; }

        public TimeSpan Timeout { get; }

        public IWebProxy? Proxy { get; }

        public string UserAgent { get; }

        public static bool SameBaseUrl(Uri a, Uri b) => Uri.Compare(WithTrailingSlash(a), WithTrailingSlash(b), UriComponents.AbsoluteUri, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

        public static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
