using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Polling
{
    /// <summary>
    /// Auto poll (https://configcat.com/docs/advanced/caching/): a background loop (started by <see cref="Start"/>) syncs
    /// with the cache every poll interval and downloads when the config is older than the interval (less 500 ms for
    /// timer drift). Evaluations never download; before the first download they wait for it, at most the max init wait
    /// time.
    /// </summary>
    internal sealed class AutoPollConfigService : ConfigService
    {
        private static readonly TimeSpan ExpirationTolerance = TimeSpan.FromMilliseconds(500);

        private readonly TimeSpan pollInterval;
        private readonly TimeSpan pollExpiration;
        private readonly TaskCompletionSource<bool> initializationSignal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task initialization;
        private readonly object loopGate = new object();
        private readonly ProjectConfig initialSync;
        private CancellationTokenSource loopStop;
        private volatile bool initialized;

        public AutoPollConfigService(ConfigFetcher fetcher, ConfigCache cache, Logger logger, bool offline, TimeSpan pollInterval, TimeSpan maxInitWaitTime)
            : base(fetcher, cache, logger, offline)
        {
            this.pollInterval = pollInterval;
            pollExpiration = pollInterval - ExpirationTolerance;
            initialSync = SyncWithCache();
            if (maxInitWaitTime == TimeSpan.Zero)
            {
                initialized = true;
                initialization = Task.CompletedTask;
            }
            else
            {
                initialization = WaitForInitializationAsync(maxInitWaitTime).ContinueWith(_ => initialized = true, TaskScheduler.Default);
            }

            ReadyTask = initialization.ContinueWith(_ => CacheStateOf(Cache.InMemory), TaskScheduler.Default);
            loopStop = CancellationTokenSource.CreateLinkedTokenSource(DisposalToken);
        }

        public override Task<ClientCacheState> ReadyTask { get; }

        public override void Start()
        {
            lock (loopGate)
            {
                _ = PollLoopAsync(initialSync, loopStop.Token);
            }
        }

        public override ProjectConfig GetConfig(CancellationToken cancellationToken)
        {
            var latest = SyncWithCache();
            if (!latest.IsExpired(pollInterval, DateTime.UtcNow))
            {
                initializationSignal.TrySetResult(true);
                return latest;
            }

            if (!IsOffline && !initialized)
            {
                initialization.Wait(cancellationToken);
                return Cache.InMemory;
            }

            return latest;
        }

        public override void Dispose()
        {
            base.Dispose();
            initializationSignal.TrySetResult(false);
        }

        protected override bool IsFresh(ProjectConfig config) => !config.IsExpired(pollInterval, DateTime.UtcNow);

        protected override void OnConfigFetched(FetchResult result) => initializationSignal.TrySetResult(true);

        /// <summary>Going online restarts the loop at once, so an expired config is downloaded right away.</summary>
        protected override void OnWentOnline()
        {
            CancellationTokenSource previous;
            lock (loopGate)
            {
                previous = loopStop;
                loopStop = CancellationTokenSource.CreateLinkedTokenSource(DisposalToken);
                _ = PollLoopAsync(null, loopStop.Token);
            }

            previous.Cancel();
            previous.Dispose();
        }

        private async Task WaitForInitializationAsync(TimeSpan maxInitWaitTime)
        {
            if (maxInitWaitTime < TimeSpan.Zero)
            {
                await initializationSignal.Task.ConfigureAwait(false);
                return;
            }

            using var timer = new CancellationTokenSource();
            var delay = Task.Delay(maxInitWaitTime, timer.Token);
            await Task.WhenAny(initializationSignal.Task, delay).ConfigureAwait(false);
            timer.Cancel();
        }

        private async Task PollLoopAsync(ProjectConfig? initialSync, CancellationToken stop)
        {
            var clock = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                var nextTick = clock.Elapsed + pollInterval;
                try
                {
                    await TickAsync(initialSync).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    Logger.AutoPollErrorDuringPolling(e);
                }

                initialSync = null;
                var wait = nextTick - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        private async Task TickAsync(ProjectConfig? initialSync)
        {
            var latest = initialSync ?? SyncWithCache();
            if (latest.IsExpired(pollExpiration, DateTime.UtcNow) && !IsOffline)
            {
                // Initialization is signalled when the download completes (OnConfigFetched), success or not.
                await RefreshCoreAsync(latest).ConfigureAwait(false);
                return;
            }

            initializationSignal.TrySetResult(true);
        }
    }
}
