using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Polling
{
    /// <summary>Manual poll (https://configcat.com/docs/advanced/caching/): only an explicit refresh downloads;
    /// evaluations use whatever is cached.</summary>
    internal sealed class ManualPollConfigService : ConfigService
    {
        public ManualPollConfigService(ConfigFetcher fetcher, ConfigCache cache, Logger logger, bool offline)
            : base(fetcher, cache, logger, offline)
        {
            ReadyTask = Task.FromResult(CacheStateOf(SyncWithCache()));
        }

        public override Task<ClientCacheState> ReadyTask { get; }

        public override ProjectConfig GetConfig(CancellationToken cancellationToken) => SyncWithCache();

        /// <summary>Nothing is "up to date" without a schedule: a manual-poll config is always just cached data.</summary>
        protected override bool IsFresh(ProjectConfig config) => false;
    }
}
