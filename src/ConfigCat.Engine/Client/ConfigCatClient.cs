using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Overrides;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    /// <summary>
    /// A ConfigCat client: keeps a config fresh with the chosen polling mode and serves evaluations from it. Thread-safe;
    /// meant to be shared (see <see cref="ConfigCatClientRegistry"/> for one client per SDK key and process). Evaluations
    /// and refreshes never throw because of the network or the config; problems are logged and returned as results.
    /// Events are raised once the state they report is settled (see <see cref="HeldEvents"/> and ARCHITECTURE.md), so a
    /// handler may call back into the client; a handler that throws is logged at Warning and the others still run.
    /// </summary>
    public sealed class ConfigCatClient : IDisposable
    {
        private const int UnheardLogCapacity = 1000;
        private const string LocalOnlyRefreshMessage = "Client is configured to use the LocalOnly override behavior, which prevents synchronization with external cache and making HTTP requests.";

        private readonly ConfigService? service;
        private readonly ConfigFetcher? fetcher;
        private readonly FlagOverrides? overrides;
        private readonly string sdkKey;
        private MergedSettings? merged;
        private ProjectConfig lastAnnounced = ProjectConfig.Empty;
        private readonly object announceGate = new object();
        private readonly object logGate = new object();
        private readonly HeldEvents held = new HeldEvents();
        private List<LogEvent>? unheardLog = new List<LogEvent>();
        private EventHandler<LogEventArgs>? logEmitted;
        private LogEvent? downloadError;
        private Tuple<string, DateTime>? lastError;
        private int disposed;

        /// <summary>Creates a client that is not shared through the registry (its owner disposes it).</summary>
        /// <exception cref="ArgumentException">The SDK key is malformed (not checked for LocalOnly overrides), or an
        /// option is out of range.</exception>
        public ConfigCatClient(string? sdkKey, ConfigCatClientOptions? options = null)
        {
            Options = options ?? new ConfigCatClientOptions();
            Options.Validate();
            overrides = Options.FlagOverrides;
            var localOnly = overrides?.Behaviour == OverrideBehaviour.LocalOnly;
            if (!localOnly)
            {
                SdkKeyValidator.Validate(sdkKey, Options.BaseUrl != null);
            }

            this.sdkKey = sdkKey ?? string.Empty;
            DefaultUser = Options.DefaultUser;
            Logger = new Logger(Options.LogLevel, new EventSink(this), OnErrorLogged);
            Options.AttachHooks(this);

            if (localOnly)
            {
                ReadyTask = Task.FromResult(ClientCacheState.HasLocalOverrideFlagDataOnly);
                AnnounceReady();
                return;
            }

            var fetcherOptions = new FetcherOptions(this.sdkKey, Options.BaseUrl, Options.DataGovernance, Options.HttpTimeout, CreateProxy(Options), UserAgent(Options.PollingMode));
            fetcher = new ConfigFetcher(fetcherOptions, new Logger(Options.LogLevel, new EventSink(this), OnDownloadErrorLogged));
            var cache = new ConfigCache(Options.ExternalCache, this.sdkKey, Logger);
            service = Options.PollingMode switch
            {
                PollingMode.LazyLoad => new LazyLoadConfigService(fetcher, cache, Logger, Options.Offline, Options.CacheTimeToLive),
                PollingMode.ManualPoll => new ManualPollConfigService(fetcher, cache, Logger, Options.Offline),
                _ => (ConfigService)new AutoPollConfigService(fetcher, cache, Logger, Options.Offline, Options.PollInterval, Options.MaxInitWaitTime),
            };
            service.ConfigChanged += AnnounceConfigChange;
            service.RefreshStarted += held.Hold;
            service.RefreshSettled += OnRefreshSettled;
            AnnounceConfigChange(service.Cache.InMemory);
            ReadyTask = service.ReadyTask;
            AnnounceReady();
            service.Start();
        }

        /// <summary>Every log event of the client (from any thread), after the level filter. What was logged before
        /// anyone listened (e.g. an unreadable cache found while the client was created) is replayed to the first
        /// listener, so nothing is lost between creating the client and subscribing.</summary>
        public event EventHandler<LogEventArgs>? LogEmitted
        {
            add
            {
                List<LogEvent>? replay;
                lock (logGate)
                {
                    logEmitted += value;
                    replay = unheardLog;
                    unheardLog = null;
                }

                foreach (var logEvent in replay ?? new List<LogEvent>())
                {
                    value?.Invoke(this, new LogEventArgs(logEvent));
                }
            }

            remove
            {
                lock (logGate)
                {
                    logEmitted -= value;
                }
            }
        }

        /// <summary>Every Error log event (downloads and evaluations), even when the level filters it out.</summary>
        public event EventHandler<LogEventArgs>? Error;

        public event EventHandler<ConfigChangedEventArgs>? ConfigChanged;

        internal event EventHandler<ConfigFetchedEventArgs>? ConfigFetched;

        internal event EventHandler<ClientReadyEventArgs>? ClientReady;

        /// <summary>Raised for every evaluation; details objects are only built while someone listens.</summary>
        internal event EventHandler<FlagEvaluatedEventArgs>? FlagEvaluated;

        public ConfigCatClientOptions Options { get; }

        public string MaskedSdkKey => SdkKeyMask.Mask(sdkKey);

        public Logger Logger { get; }

        public User? DefaultUser { get; set; }

        /// <summary>Completes when the client is ready to evaluate, with what it has (-MaxInitWaitSeconds in
        /// docs/en-US/Connect-ConfigCat.md).</summary>
        public Task<ClientCacheState> ReadyTask { get; }

        public bool IsOffline => service?.IsOffline ?? true;

        public bool IsDisposed => Volatile.Read(ref disposed) != 0;

        /// <summary>Waits for readiness, at most <paramref name="timeout"/> (negative: no limit); returns what the client
        /// has by then. Cancelling throws <see cref="OperationCanceledException"/> and leaves the client starting.</summary>
        public ClientCacheState WaitForReady(TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var milliseconds = timeout < TimeSpan.Zero ? Timeout.Infinite : (int)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
            if (ReadyTask.Wait(milliseconds, cancellationToken))
            {
                return ReadyTask.Result;
            }

            return Snapshot().CacheState;
        }

        /// <summary>The settings to evaluate with right now, obtained as the polling mode prescribes (which may wait for
        /// a first download in auto poll, or download an expired config in lazy load). Cancelling that wait throws
        /// <see cref="OperationCanceledException"/>; the download goes on for the others that wait for it.</summary>
        public ConfigSnapshot GetSnapshot(CancellationToken cancellationToken = default) =>
            SnapshotOf(service?.GetConfig(cancellationToken) ?? ProjectConfig.Empty);

        /// <summary>The in-memory settings as they are, without reading the cache or downloading.</summary>
        public ConfigSnapshot Snapshot() => SnapshotOf(service?.Cache.InMemory ?? ProjectConfig.Empty);

        public EvaluationDetails GetValueDetails(string key, object? defaultValue, User? user = null, Logger? logger = null) =>
            GetSnapshot().GetValueDetails(key, defaultValue, user, logger);

        public object? GetValue(string key, object? defaultValue, User? user = null, Logger? logger = null) =>
            GetSnapshot().Evaluate(key, defaultValue, user, logger).Value;

        public IReadOnlyList<EvaluationDetails> GetAllValueDetails(User? user = null, Logger? logger = null) =>
            GetSnapshot().GetAllValueDetails(user, logger);

        public IReadOnlyList<string> GetAllKeys(Logger? logger = null) => GetSnapshot().GetAllKeys(logger);

        public KeyValuePair<string, object>? GetKeyAndValue(string variationId, Logger? logger = null) =>
            GetSnapshot().GetKeyAndValue(variationId, logger);

        /// <summary>Downloads now, or joins the download in flight. Cancelling stops the wait (with
        /// <see cref="OperationCanceledException"/>), not the download, which others may share.</summary>
        public RefreshResult ForceRefresh(CancellationToken cancellationToken = default) => ForceRefreshAsync(cancellationToken).GetAwaiter().GetResult();

        public async Task<RefreshResult> ForceRefreshAsync(CancellationToken cancellationToken = default)
        {
            if (service == null)
            {
                return RefreshResult.Failure(RefreshErrorCode.LocalOnlyClient, LocalOnlyRefreshMessage);
            }

            if (IsDisposed)
            {
                return RefreshResult.Failure(RefreshErrorCode.UnexpectedError, Logger.MethodHasNoEffectDueToDisposedClient("ForceRefresh"));
            }

            try
            {
                return await service.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return RefreshResult.Failure(RefreshErrorCode.UnexpectedError, Logger.ForceRefreshError("ForceRefresh", e), e);
            }
        }

        public void SetOnline()
        {
            if (service == null)
            {
                Logger.MethodHasNoEffectDueToOverrideBehavior(nameof(OverrideBehaviour.LocalOnly), "SetOnline");
                return;
            }

            service.SetOnline();
        }

        public void SetOffline() => service?.SetOffline();

        public ClientStatus GetStatus()
        {
            var snapshot = Snapshot();
            var remote = snapshot.Remote;
            var origin = service == null ? ConfigOrigin.LocalOverrides
                : remote.IsEmpty ? (overrides != null ? ConfigOrigin.LocalOverrides : ConfigOrigin.None)
                : service.Cache.IsFromExternalCache ? ConfigOrigin.ExternalCache
                : ConfigOrigin.Cdn;
            var error = Volatile.Read(ref lastError);
            return new ClientStatus(MaskedSdkKey, Options.PollingMode, IsOffline, snapshot.CacheState, origin,
                snapshot.FetchTime, remote.ETag, snapshot.Settings?.Count ?? 0, fetcher?.CurrentBaseUrl, error?.Item1, error?.Item2);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                service?.Dispose();
            }
        }

        internal void OnFlagEvaluated(string key, EvaluationResult result, User? user, DateTime? fetchTime)
        {
            var handler = FlagEvaluated;
            if (handler != null)
            {
                Raise(handler, new FlagEvaluatedEventArgs(new EvaluationDetails(key, result, user, fetchTime)), nameof(FlagEvaluated));
            }
        }

        private static string UserAgent(PollingMode mode)
        {
            var version = typeof(ConfigCatClient).Assembly.GetName().Version!;
            var modeCode = mode switch { PollingMode.LazyLoad => "l", PollingMode.ManualPoll => "m", _ => "a" };
            return "ConfigCat-PowerShell/" + modeCode + "-" + version.Major + "." + version.Minor + "." + version.Build;
        }

        /// <summary>Without an explicit proxy, the environment's (HTTPS_PROXY and the like), which .NET Framework would
        /// ignore; without either, the runtime's default (the system's proxy settings).</summary>
        private static IWebProxy? CreateProxy(ConfigCatClientOptions options) => options.ProxyAddress == null
            ? EnvironmentProxy.FromEnvironment()
            : new WebProxy(options.ProxyAddress) { Credentials = options.ProxyCredentials };

        private ConfigSnapshot SnapshotOf(ProjectConfig remote)
        {
            var current = Volatile.Read(ref merged);
            if (current == null || !ReferenceEquals(current.Source, remote))
            {
                current = new MergedSettings(remote, Merge(remote));
                Volatile.Write(ref merged, current);
            }

            var state = service == null ? ClientCacheState.HasLocalOverrideFlagDataOnly : service.CacheStateOf(remote);
            return new ConfigSnapshot(this, remote, current.Settings, state);
        }

        private SettingsMap? Merge(ProjectConfig remote)
        {
            var remoteSettings = remote.Config?.Settings;
            if (overrides == null)
            {
                return remoteSettings;
            }

            return overrides.Apply(overrides.Behaviour == OverrideBehaviour.LocalOnly ? null : remoteSettings);
        }

        private void AnnounceConfigChange(ProjectConfig current)
        {
            ProjectConfig previous;
            lock (announceGate)
            {
                if (current.IsEmpty || ReferenceEquals(current, lastAnnounced) || (!lastAnnounced.IsEmpty && current.ContentEquals(lastAnnounced)))
                {
                    return;
                }

                previous = lastAnnounced;
                lastAnnounced = current;
            }

            held.Raise(() => Raise(ConfigChanged, new ConfigChangedEventArgs(previous, current), nameof(ConfigChanged)));
        }

        private void AnnounceReady() => ReadyTask.ContinueWith(
            ready => held.Raise(() => Raise(ClientReady, new ClientReadyEventArgs(ready.Result), nameof(ClientReady))),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

        private void OnErrorLogged(LogEvent logEvent) => held.Raise(() => Raise(Error, new LogEventArgs(logEvent), nameof(Error)));

        /// <summary>The fetcher logs exactly one error per failed download; it is what LastError reports for it.</summary>
        private void OnDownloadErrorLogged(LogEvent logEvent)
        {
            Volatile.Write(ref downloadError, logEvent);
            OnErrorLogged(logEvent);
        }

        /// <summary>Runs once a download has settled: what it logged is raised first (so a connection has queued its
        /// log lines before LastError shows the problem), then the status is updated, then ConfigFetched is raised.</summary>
        private void OnRefreshSettled(FetchResult result)
        {
            held.Release();
            var error = Interlocked.Exchange(ref downloadError, null);
            // One object, so a status read never pairs a message with another error's time.
            Volatile.Write(ref lastError, result.Status != FetchStatus.Errored ? null
                : Tuple.Create(error == null ? result.ErrorMessage! : "[" + error.EventId + "] " + error.Message, DateTime.UtcNow));
            Raise(ConfigFetched, new ConfigFetchedEventArgs(RefreshResult.From(result)), nameof(ConfigFetched));
        }

        /// <summary>Handlers run on whatever thread raised the event; their exceptions must not break the client. They
        /// are logged at Warning, except those of LogEmitted handlers, which that log would only hand back to them.</summary>
        private void Raise<T>(EventHandler<T>? handler, T args, string? eventName)
        {
            if (handler == null)
            {
                return;
            }

            foreach (EventHandler<T> subscriber in handler.GetInvocationList())
            {
                try
                {
                    subscriber(this, args);
                }
                catch (Exception e) when (eventName != null)
                {
                    Logger.EventHandlerError(eventName, e);
                }
                catch (Exception)
                {
                    // A LogEmitted handler that throws cannot be told so through the log it failed to take.
                }
            }
        }

        private sealed class MergedSettings
        {
            public MergedSettings(ProjectConfig source, SettingsMap? settings)
            {
                Source = source;
                Settings = settings;
            }

            public ProjectConfig Source { get; }

            public SettingsMap? Settings { get; }
        }

        private sealed class EventSink : ILogSink
        {
            private readonly ConfigCatClient client;

            public EventSink(ConfigCatClient client)
            {
                this.client = client;
            }

            public void Write(LogEvent logEvent)
            {
                EventHandler<LogEventArgs>? listeners;
                lock (client.logGate)
                {
                    if (client.unheardLog != null)
                    {
                        // Bounded, for clients whose owner never listens: the newest events are the ones worth keeping.
                        if (client.unheardLog.Count == UnheardLogCapacity)
                        {
                            client.unheardLog.RemoveAt(0);
                        }

                        client.unheardLog.Add(logEvent);
                        return;
                    }

                    listeners = client.logEmitted;
                }

                client.held.Raise(() => client.Raise(listeners, new LogEventArgs(logEvent), null));
            }
        }
    }
}
