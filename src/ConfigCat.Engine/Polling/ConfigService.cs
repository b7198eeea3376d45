using System;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Polling
{
    /// <summary>
    /// Keeps the config: syncs with the cache, downloads, stores what a download brings, and reports
    /// changes. At most one download is in flight; concurrent callers join it and share its result. The polling
    /// modes decide when to download.
    /// </summary>
    internal abstract class ConfigService : IDisposable
    {
        private readonly ConfigFetcher fetcher;
        private readonly object gate = new object();
        private readonly CancellationTokenSource disposal = new CancellationTokenSource();
        private Task<FetchResult>? pendingRefresh;
        private int status;

        protected ConfigService(ConfigFetcher fetcher, ConfigCache cache, Logger logger, bool offline)
        {
            this.fetcher = fetcher;
            Cache = cache;
            Logger = logger;
            status = offline ? (int)ServiceStatus.Offline : (int)ServiceStatus.Online;
        }

        private enum ServiceStatus
        {
            Online,
            Offline,
            Disposed,
        }

        /// <summary>Raised when a download or a cache sync brings a config with different content.</summary>
        public event Action<ProjectConfig>? ConfigChanged;

        /// <summary>Raised after every download attempt, with its outcome.</summary>
        public event Action<FetchResult>? ConfigFetched;

        public ConfigCache Cache { get; }

        public bool IsOffline => Volatile.Read(ref status) != (int)ServiceStatus.Online;

        public bool IsDisposed => Volatile.Read(ref status) == (int)ServiceStatus.Disposed;

        /// <summary>Completes when the client is ready to evaluate, with what it has; the polling mode decides when
        /// (-PollingMode in docs/en-US/Connect-ConfigCat.md).</summary>
        public abstract Task<ClientCacheState> ReadyTask { get; }

        protected Logger Logger { get; }

        protected CancellationToken DisposalToken => disposal.Token;

        /// <summary>The config to evaluate with, according to the polling mode. May block: for the first download
        /// (auto poll, bounded by the max init wait) or for an expired one (lazy load).</summary>
        public abstract ProjectConfig GetConfig();

        public async Task<RefreshResult> RefreshAsync()
        {
            var latest = SyncWithCache();
            if (!IsOffline)
            {
                return RefreshResult.From(await RefreshCoreAsync(latest).ConfigureAwait(false));
            }

            // Offline, an external cache is the only source there is: having synced with it is a success.
            return Cache.HasExternal ? RefreshResult.Succeeded : RefreshResult.Failure(RefreshErrorCode.OfflineClient, Logger.ClientIsOffline());
        }

        public void SetOnline()
        {
            if (Interlocked.CompareExchange(ref status, (int)ServiceStatus.Online, (int)ServiceStatus.Offline) == (int)ServiceStatus.Offline)
            {
                Logger.StatusChanged("ONLINE");
                OnWentOnline();
            }
            else if (IsDisposed)
            {
                Logger.MethodHasNoEffectDueToDisposedClient("SetOnline");
            }
        }

        public void SetOffline()
        {
            if (Interlocked.CompareExchange(ref status, (int)ServiceStatus.Offline, (int)ServiceStatus.Online) == (int)ServiceStatus.Online)
            {
                Logger.StatusChanged("OFFLINE");
            }
            else if (IsDisposed)
            {
                Logger.MethodHasNoEffectDueToDisposedClient("SetOffline");
            }
        }

        public virtual void Dispose()
        {
            if (Interlocked.Exchange(ref status, (int)ServiceStatus.Disposed) == (int)ServiceStatus.Disposed)
            {
                return;
            }

            disposal.Cancel();
            fetcher.Dispose();
        }

        public ClientCacheState CacheStateOf(ProjectConfig config) => config.IsEmpty ? ClientCacheState.NoFlagData
            : IsFresh(config) ? ClientCacheState.HasUpToDateFlagData
            : ClientCacheState.HasCachedFlagDataOnly;

        /// <summary>Whether the mode considers <paramref name="config"/> up to date (manual poll: never).</summary>
        protected abstract bool IsFresh(ProjectConfig config);

        protected virtual void OnWentOnline()
        {
        }

        protected virtual void OnConfigFetched(FetchResult result)
        {
        }

        protected ProjectConfig SyncWithCache()
        {
            var config = Cache.Sync(out var changed);
            if (changed)
            {
                ConfigChanged?.Invoke(config);
            }

            return config;
        }

        /// <summary>Downloads, or joins the download already in flight.</summary>
        protected Task<FetchResult> RefreshCoreAsync(ProjectConfig latest)
        {
            TaskCompletionSource<FetchResult> completion;
            lock (gate)
            {
                if (pendingRefresh != null)
                {
                    return pendingRefresh;
                }

                completion = new TaskCompletionSource<FetchResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                pendingRefresh = completion.Task;
            }

            _ = RunRefreshAsync(latest, completion);
            return completion.Task;
        }

        private async Task RunRefreshAsync(ProjectConfig latest, TaskCompletionSource<FetchResult> completion)
        {
            FetchResult result;
            try
            {
                result = await fetcher.FetchAsync(latest, DisposalToken).ConfigureAwait(false);
                var previous = Cache.InMemory;

                // A failed download still records the bumped time of a 403/404, but never replaces content with nothing.
                if (result.Status != FetchStatus.Errored
                    || (result.Config.FetchTime > latest.FetchTime && (!result.Config.IsEmpty || previous.IsEmpty)))
                {
                    Cache.Set(result.Config, confirmedByCdn: result.Status != FetchStatus.Errored);
                }

                OnConfigFetched(result);
                ConfigFetched?.Invoke(result);
                if (result.Status == FetchStatus.Fetched)
                {
                    ConfigChanged?.Invoke(result.Config);
                }
            }
            catch (Exception e)
            {
                result = FetchResult.Error(latest, RefreshErrorCode.UnexpectedError, e is OperationCanceledException
                    ? Logger.MethodHasNoEffectDueToDisposedClient("Refresh")
                    : Logger.ForceRefreshError("Refresh", e), e);
            }

            lock (gate)
            {
                pendingRefresh = null;
            }

            completion.SetResult(result);
        }
    }
}
