using System;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Polling
{
    /// <summary>Lazy load (https://configcat.com/docs/advanced/caching/): no background work; an evaluation downloads,
    /// and waits for it, when the cached config is older than the cache time-to-live.</summary>
    internal sealed class LazyLoadConfigService : ConfigService
    {
        private readonly TimeSpan cacheTimeToLive;

        public LazyLoadConfigService(ConfigFetcher fetcher, ConfigCache cache, Logger logger, bool offline, TimeSpan cacheTimeToLive)
            : base(fetcher, cache, logger, offline)
        {
            this.cacheTimeToLive = cacheTimeToLive;
            ReadyTask = Task.FromResult(CacheStateOf(SyncWithCache()));
        }

        public override Task<ClientCacheState> ReadyTask { get; }

        public override ProjectConfig GetConfig(CancellationToken cancellationToken)
        {
            var latest = SyncWithCache();
            if (!latest.IsExpired(cacheTimeToLive, DateTime.UtcNow) || IsOffline)
            {
                return latest;
            }

            RefreshCoreAsync(latest).Wait(cancellationToken);
            return Cache.InMemory;
        }

        protected override bool IsFresh(ProjectConfig config) => !config.IsExpired(cacheTimeToLive, DateTime.UtcNow);
    }
}
