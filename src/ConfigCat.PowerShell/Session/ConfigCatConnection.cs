using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Polling;
using ConfigCat.PowerShell.Events;

namespace ConfigCat.PowerShell.Session
{
    /// <summary>
    /// A connection to ConfigCat, as returned by <c>Connect-ConfigCat -PassThru</c> and accepted by every cmdlet's
    /// <c>-Client</c>. Several connections (runspaces) may share one engine client (same SDK key and download options);
    /// each has its own default user, its own log level, its own queue of background log messages and its own change
    /// subscriptions. Its properties show the client's live status. The SDK key is only ever shown masked.
    /// </summary>
    public sealed class ConfigCatConnection
    {
        private readonly ClientLease? lease;
        private readonly object gate = new object();
        private readonly List<EventRegistration> registrations = new List<EventRegistration>();
        private bool closed;

        internal ConfigCatConnection(ConfigCatClient client, ClientLease? lease, User? defaultUser, LogLevel logLevel)
        {
            Client = client;
            this.lease = lease;
            DefaultUser = defaultUser;
            LogLevel = logLevel;
            client.LogEmitted += OnLogEmitted;
            client.ConfigChanged += OnConfigChanged;
        }

        /// <summary>The engine client (shared with other connections that use the same SDK key).</summary>
        public ConfigCatClient Client { get; }

        public string MaskedSdkKey => Client.MaskedSdkKey;

        public PollingMode PollingMode => Client.Options.PollingMode;

        /// <summary>The -LogLevel of Connect-ConfigCat: background messages above it are not queued for this connection.</summary>
        public LogLevel LogLevel { get; }

        public bool IsOffline => Client.IsOffline;

        /// <summary>False after Disconnect-ConfigCat.</summary>
        public bool IsConnected
        {
            get
            {
                lock (gate)
                {
                    return !closed;
                }
            }
        }

        /// <summary>Handed to the caller with -PassThru: replacing it as the runspace's connection then leaves it open,
        /// because the caller may still use it with -Client.</summary>
        internal bool IsPassedThru { get; set; }

        /// <summary>The user of evaluations that pass no -User.</summary>
        public User? DefaultUser { get; }

        /// <summary>A point-in-time view of the client (read once; the properties below each read it live).</summary>
        public ClientStatus Status => Client.GetStatus();

        public ClientCacheState CacheState => Status.CacheState;

        /// <summary>Where the config in use came from: None, ExternalCache (the file cache), Cdn or LocalOverrides.</summary>
        public ConfigOrigin ConfigSource => Status.Origin;

        /// <summary>When the CDN last confirmed the config in use (UTC).</summary>
        public DateTime? LastFetchTime => Status.LastFetchTime;

        public string? ETag => Status.ETag;

        public int SettingCount => Status.SettingCount;

        public Uri? BaseUrl => Status.BaseUrl;

        /// <summary>The client's last download problem, "[event id] message" (e.g. [1100] for a wrong SDK key); null
        /// since the last successful download.</summary>
        public string? LastError => Status.LastError;

        public DateTime? LastErrorTime => Status.LastErrorTime;

        internal LogQueue LogQueue { get; } = new LogQueue();

        public override string ToString() => "ConfigCat " + MaskedSdkKey + " (" + PollingMode + (IsConnected ? string.Empty : ", disconnected") + ")";

        /// <summary>Adds a subscription, first forgetting those removed since (Unregister-Event does not tell the
        /// connection), so that Register/Unregister loops do not grow the list.</summary>
        internal void AddRegistration(EventRegistration registration)
        {
            LiveRegistrations();
            lock (gate)
            {
                registrations.Add(registration);
            }
        }

        /// <summary>Ends the connection: its change subscriptions are removed and its share of the engine client is
        /// released (the client stops when no connection uses it any more). Safe to call twice.</summary>
        /// <param name="removeSubscriptions">False when the runspace is already closed: its event manager is gone.</param>
        internal void Close(bool removeSubscriptions)
        {
            EventRegistration[] toRemove;
            lock (gate)
            {
                if (closed)
                {
                    return;
                }

                closed = true;
                toRemove = registrations.ToArray();
                registrations.Clear();
            }

            Client.LogEmitted -= OnLogEmitted;
            Client.ConfigChanged -= OnConfigChanged;
            if (removeSubscriptions)
            {
                foreach (var registration in toRemove)
                {
                    registration.Events.UnsubscribeEvent(registration.Subscriber);
                }
            }

            if (lease != null)
            {
                lease.Dispose();
            }
            else
            {
                Client.Dispose();
            }
        }

        private void OnLogEmitted(object? sender, LogEventArgs e)
        {
            if (LogLevel != LogLevel.Off && e.LogEvent.Level <= LogLevel)
            {
                LogQueue.Enqueue(e.LogEvent);
            }
        }

        /// <summary>Runs on the thread that noticed the change. Raises a PowerShell event per subscribed source
        /// identifier, and only while someone is subscribed: unconsumed events would pile up in the runspace.</summary>
        private void OnConfigChanged(object? sender, ConfigChangedEventArgs e)
        {
            var targets = LiveRegistrations();
            if (targets.Length == 0)
            {
                return;
            }

            var data = new ConfigCatChangedEventData(ConfigDiff.Compare(e.Previous.Config, e.Current.Config), e.Current.FetchTime, e.Current.ETag);
            foreach (var target in targets.GroupBy(r => (r.Events, r.SourceIdentifier)).Select(g => g.First()))
            {
                try
                {
                    target.Events.GenerateEvent(target.SourceIdentifier, this, new object[] { data }, target.MessageData);
                }
                catch (Exception exception) when (exception is InvalidOperationException || exception is ObjectDisposedException)
                {
                    // The runspace of that subscription is closing; it cannot receive events any more.
                }
            }
        }

        /// <summary>The registrations whose subscriber is still registered. Those removed with Unregister-Event are
        /// forgotten: a later Register-ConfigCatChanged with the same source identifier must get its own -MessageData,
        /// not the removed subscription's.</summary>
        private EventRegistration[] LiveRegistrations()
        {
            EventRegistration[] all;
            lock (gate)
            {
                all = registrations.ToArray();
            }

            // Asked outside the lock: the event manager takes its own locks.
            var removed = all.Where(r => !r.IsSubscribed).ToArray();
            if (removed.Length == 0)
            {
                return all;
            }

            lock (gate)
            {
                registrations.RemoveAll(r => removed.Contains(r));
            }

            return all.Except(removed).ToArray();
        }
    }
}
