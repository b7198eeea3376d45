using System;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    /// <summary>A point-in-time view of a client, for status displays.</summary>
    public sealed class ClientStatus
    {
        internal ClientStatus(string maskedSdkKey, PollingMode pollingMode, bool isOffline, ClientCacheState cacheState, ConfigOrigin origin,
            DateTime? lastFetchTime, string? eTag, int settingCount, Uri? baseUrl, string? lastError, DateTime? lastErrorTime)
        {
            MaskedSdkKey = maskedSdkKey;
            PollingMode = pollingMode;
            IsOffline = isOffline;
            CacheState = cacheState;
            Origin = origin;
            LastFetchTime = lastFetchTime;
            ETag = eTag;
            SettingCount = settingCount;
            BaseUrl = baseUrl;
            LastError = lastError;
            LastErrorTime = lastErrorTime;
        }

        public string MaskedSdkKey { get; }

        public PollingMode PollingMode { get; }

        public bool IsOffline { get; }

        public ClientCacheState CacheState { get; }

        public ConfigOrigin Origin { get; }

        /// <summary>When the CDN last confirmed the config (UTC); null when there is none.</summary>
        public DateTime? LastFetchTime { get; }

        public string? ETag { get; }

        public int SettingCount { get; }

        /// <summary>Where the next download goes (after any redirect); null without network use.</summary>
        public Uri? BaseUrl { get; }

        public string? LastError { get; }

        public DateTime? LastErrorTime { get; }
    }
}
