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
    /// modes decide when to download. A download settles in this order: the cache holds its config, it is no longer
    /// pending (a new refresh would start a new download), <see cref="RefreshSettled"/> and <see cref="ConfigChanged"/>
    /// are raised, and only then do its waiters resume; so a handler may refresh or evaluate without joining, and
    /// waiting for, the very download that is raising its event.
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

        /// <summary>Raised on the downloading thread when a download starts, before anything is logged for it.</summary>
        public event Action? RefreshStarted;

        /// <summary>Raised after every download attempt once it has settled (see the class summary), with its outcome.</summary>
        public event Action<FetchResult>? RefreshSettled;

        public ConfigCache Cache { get; }

        public bool IsOffline => Volatile.Read(ref status) != (int)ServiceStatus.Online;

        public bool IsDisposed => Volatile.Read(ref status) == (int)ServiceStatus.Disposed;

        /// <summary>Completes when the client is ready to evaluate, with what it has; the polling mode decides when
        /// (-PollingMode in docs/en-US/Connect-ConfigCat.md).</summary>
        public abstract Task<ClientCacheState> ReadyTask { get; }

        protected Logger Logger { get; }

        protected CancellationToken DisposalToken => disposal.Token;

        /// <summary>The config to evaluate with, according to the polling mode. May block: for the first download
        /// (auto poll, bounded by the max init wait) or for an expired one (lazy load). Cancelling ends the wait with
        /// an <see cref="OperationCanceledException"/>; the download goes on for whoever else waits for it.</summary>
        public abstract ProjectConfig GetConfig(CancellationToken cancellationToken);

        /// <summary>Starts background work, if the mode has any; called once the owner has subscribed to the events.</summary>
        public virtual void Start()
        {
        }

        public async Task<RefreshResult> RefreshAsync(CancellationToken cancellationToken)
        {
            var latest = SyncWithCache();
            if (!IsOffline)
            {
                return RefreshResult.From(await Waiting.For(RefreshCoreAsync(latest), cancellationToken).ConfigureAwait(false));
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
                RefreshStarted?.Invoke();
                result = await fetcher.FetchAsync(latest, DisposalToken).ConfigureAwait(false);
                var previous = Cache.InMemory;

                // A failed download still records the bumped time of a 403/404, but never replaces content with nothing.
                if (result.Status != FetchStatus.Errored
                    || (result.Config.FetchTime > latest.FetchTime && (!result.Config.IsEmpty || previous.IsEmpty)))
                {
                    Cache.Set(result.Config, confirmedByCdn: result.Status != FetchStatus.Errored);
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

            try
            {
                OnConfigFetched(result);
                RefreshSettled?.Invoke(result);
                if (result.Status == FetchStatus.Fetched)
                {
                    ConfigChanged?.Invoke(result.Config);
                }
            }
            finally
            {
                completion.SetResult(result);
            }
        }
    }
}
