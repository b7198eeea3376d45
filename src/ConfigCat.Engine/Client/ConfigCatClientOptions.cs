using System;
using System.Globalization;
using System.Net;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Overrides;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    /// <summary>How a client polls, downloads, caches and logs. Defaults are those of the ConfigCat SDKs.</summary>
    public sealed class ConfigCatClientOptions
    {
        public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(2_147_483);
        public static readonly TimeSpan MaxCacheTimeToLive = TimeSpan.FromSeconds(2_147_483_647);

        public PollingMode PollingMode { get; set; } = PollingMode.AutoPoll;

        /// <summary>Auto poll: time between downloads (1 s to 2,147,483 s).</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Auto poll: how long the first evaluation waits for the first download; zero does not wait,
        /// a negative value waits until that download completes (success or failure).</summary>
        public TimeSpan MaxInitWaitTime { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Lazy load: how long a downloaded config is used before the next evaluation downloads again.</summary>
        public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromSeconds(60);

        public DataGovernance DataGovernance { get; set; } = DataGovernance.Global;

        /// <summary>A base URL other than ConfigCat's CDN, e.g. a ConfigCat Proxy.</summary>
        public Uri? BaseUrl { get; set; }

        public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

        public Uri? ProxyAddress { get; set; }

        public NetworkCredential? ProxyCredentials { get; set; }

        /// <summary>A cache shared with other processes, e.g. a <see cref="FileConfigCache"/>.</summary>
        public IExternalCache? ExternalCache { get; set; }

        public FlagOverrides? FlagOverrides { get; set; }

        /// <summary>Start without any network access; <see cref="ConfigCatClient.SetOnline"/> lifts it.</summary>
        public bool Offline { get; set; }

        public LogLevel LogLevel { get; set; } = LogLevel.Warning;

        /// <summary>The user of evaluations that name none.</summary>
        public User? DefaultUser { get; set; }

        /// <summary>Hooks: handlers attached to the client before it starts, so that they see its first download and
        /// its ClientReady, which a handler attached after the constructor may miss.</summary>
        internal event EventHandler<ClientReadyEventArgs>? ClientReady;

        internal event EventHandler<ConfigFetchedEventArgs>? ConfigFetched;

        public event EventHandler<ConfigChangedEventArgs>? ConfigChanged;

        public event EventHandler<LogEventArgs>? Error;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the option and its allowed range.</summary>
        public void Validate()
        {
            if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > MaxPollInterval)
            {
                throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval must be between 1 and 2,147,483 seconds.");
            }

            if (MaxInitWaitTime > MaxPollInterval)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxInitWaitTime), MaxInitWaitTime, "The max init wait time must be at most 2,147,483 seconds (negative: wait for the first download).");
            }

            if (CacheTimeToLive < TimeSpan.FromSeconds(1) || CacheTimeToLive > MaxCacheTimeToLive)
            {
                throw new ArgumentOutOfRangeException(nameof(CacheTimeToLive), CacheTimeToLive, "The cache time-to-live must be between 1 and 2,147,483,647 seconds.");
            }

            if (HttpTimeout <= TimeSpan.Zero || HttpTimeout.TotalMilliseconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(HttpTimeout), HttpTimeout, "The request timeout must be more than zero and at most 2,147,483 seconds.");
            }

            if (BaseUrl != null && (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps)))
            {
                throw new ArgumentException("The base URL must be an absolute http or https URL.", nameof(BaseUrl));
            }
        }

        internal void AttachHooks(ConfigCatClient client)
        {
            client.ClientReady += ClientReady;
            client.ConfigFetched += ConfigFetched;
            client.ConfigChanged += ConfigChanged;
            client.Error += Error;
        }

        /// <summary>A description of every option that shapes what a client downloads, and when: clients that agree on
        /// it can share one download. The log level, the default user and the hooks are not part of it.</summary>
        internal string DownloadFingerprint() => string.Join("|", new[]
        {
            PollingMode.ToString(),
            PollInterval.Ticks.ToString(CultureInfo.InvariantCulture),
            MaxInitWaitTime.Ticks.ToString(CultureInfo.InvariantCulture),
            CacheTimeToLive.Ticks.ToString(CultureInfo.InvariantCulture),
            DataGovernance.ToString(),
            BaseUrl?.AbsoluteUri ?? string.Empty,
            HttpTimeout.Ticks.ToString(CultureInfo.InvariantCulture),
            ProxyAddress?.AbsoluteUri ?? string.Empty,
            ProxyCredentials?.UserName ?? string.Empty,
            ExternalCache is FileConfigCache file ? "file:" + file.Directory : ExternalCache?.GetType().FullName ?? string.Empty,
            FlagOverrides == null ? string.Empty : FlagOverrides.Behaviour + ":" + FlagOverrides.DataSource.Describe(),
            Offline.ToString(),
        });
    }
}
