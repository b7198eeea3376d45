using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Engine.Fetching
{
    /// <summary>
    /// Downloads <c>{baseUrl}/configuration-files/{sdkKey}/config_v6.json</c> with ETag revalidation, follows the
    /// config's redirect preferences (at most three requests per download), and turns every outcome into a
    /// <see cref="FetchResult"/>: nothing is thrown for HTTP errors, timeouts, network faults or bad content.
    /// Not re-entrant: the config service allows one download at a time.
    /// </summary>
    internal sealed class ConfigFetcher : IDisposable
    {
        private const int MaxRequestsPerFetch = 3;

        private readonly FetcherOptions options;
        private readonly Logger logger;
        private readonly HttpClient http;
        private Uri currentBaseUrl;

        public ConfigFetcher(FetcherOptions options, Logger logger)
        {
            this.options = options;
            this.logger = logger;
            currentBaseUrl = options.InitialBaseUrl;
            http = new HttpClient(CreateHandler(options.Proxy)) { Timeout = Timeout.InfiniteTimeSpan };
        }

        /// <summary>Where the next download goes; changes when the CDN redirects.</summary>
        public Uri CurrentBaseUrl => Volatile.Read(ref currentBaseUrl);

        public async Task<FetchResult> FetchAsync(ProjectConfig last, CancellationToken cancellationToken)
        {
            HttpResponseSnapshot response;
            Config? config;
            Exception? parseError;
            try
            {
                (response, config, parseError) = await RequestFollowingRedirectsAsync(last.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                return FetchResult.Error(last, RefreshErrorCode.HttpRequestTimeout,
                    logger.FetchFailedDueToRequestTimeout((int)options.Timeout.TotalMilliseconds, e), e);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var message = IsSecureChannelFailure(e) ? logger.FetchFailedDueToSecureChannel(e) : logger.FetchFailedDueToUnexpectedError(e);
                return FetchResult.Error(last, RefreshErrorCode.HttpRequestFailure, message, e);
            }

            switch (response.StatusCode)
            {
                case 200:
                    if (config == null)
                    {
                        return FetchResult.Error(last, RefreshErrorCode.InvalidHttpResponseContent,
                            logger.FetchReceived200WithInvalidBody(parseError, response.RayId), parseError);
                    }

                    return FetchResult.Success(new ProjectConfig(response.Body, config, ProjectConfig.UtcNowMilliseconds(), response.ETag));

                case 304:
                    if (last.IsEmpty)
                    {
                        return FetchResult.Error(last, RefreshErrorCode.InvalidHttpResponseWhenLocalCacheIsEmpty,
                            logger.FetchReceived304WhenLocalCacheIsEmpty(response.StatusCode, response.ReasonPhrase, response.RayId));
                    }

                    return FetchResult.NotModified(last.With(ProjectConfig.UtcNowMilliseconds()));

                case 403:
                case 404:
                    // The time is bumped so that a wrong key is not retried on every evaluation (flood protection).
                    return FetchResult.Error(last.With(ProjectConfig.UtcNowMilliseconds()), RefreshErrorCode.InvalidSdkKey,
                        logger.FetchFailedDueToInvalidSdkKey(options.SdkKey, response.RayId));

                default:
                    return FetchResult.Error(last, RefreshErrorCode.UnexpectedHttpResponse,
                        logger.FetchFailedDueToUnexpectedHttpResponse(response.StatusCode, response.ReasonPhrase, response.RayId));
            }
        }

        public void Dispose() => http.Dispose();

        /// <summary>Follows the redirect preferences of the downloaded config
        /// (https://configcat.com/docs/advanced/data-governance/): a custom base URL only yields to a forced redirect; a
        /// redirect to another CDN persists for later downloads.</summary>
        private async Task<(HttpResponseSnapshot, Config?, Exception?)> RequestFollowingRedirectsAsync(string? eTag, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                var response = await RequestAsync(CurrentBaseUrl, eTag, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != 200)
                {
                    return (response, null, null);
                }

                Config config;
                try
                {
                    config = ConfigJsonParser.Parse(response.Body ?? throw new FormatException("The response has no body."));
                }
                catch (Exception e) when (e is ConfigJsonException || e is FormatException)
                {
                    return (response, null, e);
                }

                var preferences = config.Preferences;
                if (preferences?.BaseUrl == null || !Uri.TryCreate(preferences.BaseUrl, UriKind.Absolute, out var preferredBaseUrl)
                    || FetcherOptions.SameBaseUrl(preferredBaseUrl, CurrentBaseUrl))
                {
                    return (response, config, null);
                }

                var redirect = preferences.RedirectMode ?? RedirectMode.No;
                if (options.IsCustomBaseUrl && redirect != RedirectMode.Force)
                {
                    return (response, config, null);
                }

                Volatile.Write(ref currentBaseUrl, preferredBaseUrl);
                if (redirect == RedirectMode.No)
                {
                    return (response, config, null);
                }

                if (redirect == RedirectMode.Should)
                {
                    logger.DataGovernanceIsOutOfSync();
                }

                if (attempt >= MaxRequestsPerFetch)
                {
                    logger.FetchFailedDueToRedirectLoop(response.RayId);
                    return (response, config, null);
                }
            }
        }

        private async Task<HttpResponseSnapshot> RequestAsync(Uri baseUrl, string? eTag, CancellationToken cancellationToken)
        {
            var url = new Uri(FetcherOptions.WithTrailingSlash(baseUrl), "configuration-files/" + options.SdkKey + "/config_v6.json");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("X-ConfigCat-UserAgent", options.UserAgent);
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
            if (eTag != null)
            {
                // Sent back verbatim: the typed ETag header API rejects weak and unquoted tags.
                request.Headers.TryAddWithoutValidation("If-None-Match", eTag);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync().ConfigureAwait(false) : null;
            return new HttpResponseSnapshot((int)response.StatusCode, response.ReasonPhrase, HeaderValue(response, "ETag"), HeaderValue(response, "CF-RAY"), body);
        }

        private static string? HeaderValue(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        /// <summary>A failed TLS handshake (old protocol, untrusted certificate of an intercepting proxy) needs a different fix
        /// from an unreachable host, so it gets its own message. .NET reports it as an AuthenticationException inside the
        /// HttpRequestException; .NET Framework as a WebException with a secure-channel or trust status.</summary>
        private static bool IsSecureChannelFailure(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is AuthenticationException
                    || (e is WebException web && (web.Status == WebExceptionStatus.SecureChannelFailure || web.Status == WebExceptionStatus.TrustFailure)))
                {
                    return true;
                }
            }

            return false;
        }

        private static HttpClientHandler CreateHandler(IWebProxy? proxy)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            if (proxy != null)
            {
                handler.Proxy = proxy;
                handler.UseProxy = true;
            }

            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                // Windows PowerShell 5.1 may still default to TLS 1.0/1.1, which the CDN refuses; .NET picks TLS 1.2+ itself.
                handler.SslProtocols = TlsProtocols.ForDotNetFramework(Environment.OSVersion);
            }

            return handler;
        }
    }
}
