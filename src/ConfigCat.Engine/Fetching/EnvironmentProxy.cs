using System;
using System.Net;

namespace ConfigCat.Engine.Fetching
{
    /// <summary>
    /// The proxy that <c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c>, <c>ALL_PROXY</c> and <c>NO_PROXY</c> (or their lower-case
    /// forms, which win) name, as .NET Core and PowerShell 7 read them. .NET Framework's HttpClientHandler ignores these
    /// variables, so Windows PowerShell 5.1 on a build agent would otherwise bypass the proxy the agent was given.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri? httpProxy;
        private readonly Uri? httpsProxy;
        private readonly string[] bypass;

        private EnvironmentProxy(Uri? httpProxy, Uri? httpsProxy, string[] bypass)
        {
            this.httpProxy = httpProxy;
            this.httpsProxy = httpsProxy;
            this.bypass = bypass;
        }

        public ICredentials? Credentials { get; set; }

        /// <summary>The proxy the process's environment names; null when it names none.</summary>
        public static EnvironmentProxy? FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

        public static EnvironmentProxy? FromVariables(Func<string, string?> variable)
        {
            var all = ProxyUri(Read(variable, "all_proxy"));
            // Under CGI, HTTP_PROXY can come from a client's "Proxy:" header (httpoxy), so only http_proxy counts there.
            var http = ProxyUri(variable("REQUEST_METHOD") == null ? Read(variable, "http_proxy") : variable("http_proxy")) ?? all;
            var https = ProxyUri(Read(variable, "https_proxy")) ?? all;
            if (http == null && https == null)
            {
                return null;
            }

            var noProxy = Read(variable, "no_proxy") ?? string.Empty;
            var bypass = noProxy.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < bypass.Length; i++)
            {
                bypass[i] = bypass[i].Trim();
            }

            return new EnvironmentProxy(http, https, bypass) { Credentials = CredentialsOf(https ?? http!) };
        }

        public Uri? GetProxy(Uri destination)
        {
            var proxy = destination.Scheme == Uri.UriSchemeHttps ? httpsProxy : httpProxy;
            return proxy == null || IsBypassed(destination) ? destination : proxy;
        }

        /// <summary>NO_PROXY entries are host names ("*" for every host); "example.com" and ".example.com" both cover
        /// the host and its subdomains. A port after an entry is ignored.</summary>
        public bool IsBypassed(Uri host)
        {
            if ((host.Scheme == Uri.UriSchemeHttps ? httpsProxy : httpProxy) == null)
            {
                return true;
            }

            var name = host.IdnHost.TrimEnd('.');
            foreach (var entry in bypass)
            {
                var pattern = StripPort(entry).TrimStart('*').TrimStart('.');
                if (entry == "*"
                    || string.Equals(name, pattern, StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith("." + pattern, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? Read(Func<string, string?> variable, string lowerCaseName)
        {
            var value = variable(lowerCaseName);
            if (string.IsNullOrWhiteSpace(value))
            {
                value = variable(lowerCaseName.ToUpperInvariant());
            }

            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }

        /// <summary>"proxy:8080" means http://proxy:8080, as curl and .NET read it.</summary>
        private static Uri? ProxyUri(string? value)
        {
            if (value == null)
            {
                return null;
            }

            var text = value.IndexOf("://", StringComparison.Ordinal) < 0 ? "http://" + value : value;
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
        }

        /// <summary>"http://user:password@proxy:8080" carries the proxy's credentials.</summary>
        private static ICredentials? CredentialsOf(Uri proxy)
        {
            if (proxy.UserInfo.Length == 0)
            {
                return null;
            }

            var colon = proxy.UserInfo.IndexOf(':');
            var user = colon < 0 ? proxy.UserInfo : proxy.UserInfo.Substring(0, colon);
            var password = colon < 0 ? string.Empty : proxy.UserInfo.Substring(colon + 1);
            return new NetworkCredential(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password));
        }

        private static string StripPort(string entry)
        {
            var colon = entry.LastIndexOf(':');
            return colon > 0 && entry.IndexOf(']') < colon ? entry.Substring(0, colon) : entry;
        }
    }
}
