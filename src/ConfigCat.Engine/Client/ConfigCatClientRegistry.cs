using System;
using System.Collections.Generic;

namespace ConfigCat.Engine.Client
{
    /// <summary>
    /// One client per SDK key and download options per process: every runspace, thread and job that asks for the same
    /// key with options that agree on downloading (see <see cref="ConfigCatClientOptions.DownloadFingerprint"/>) shares
    /// one client, one cache and one download schedule; a request with other download options gets a client of its
    /// own, so nobody silently gets options they did not ask for. The shared client keeps the log level, default user
    /// and hooks of the request that created it: what differs per caller (a PowerShell connection's default user and
    /// log level) belongs to the caller. Clients are reference counted through leases.
    /// </summary>
    public static class ConfigCatClientRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, Entry> Clients = new Dictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>The shared client of <paramref name="sdkKey"/> and the download options of <paramref name="options"/>,
        /// created with <paramref name="options"/> if there is none yet. Throws as
        /// <see cref="ConfigCatClient(string, ConfigCatClientOptions)"/> does for bad arguments.</summary>
        public static ClientLease Acquire(string sdkKey, ConfigCatClientOptions options)
        {
            var registryKey = sdkKey + "\n" + options.DownloadFingerprint();
            lock (Gate)
            {
                if (Clients.TryGetValue(registryKey, out var entry))
                {
                    entry.Leases++;
                    return new ClientLease(entry.Client, Release);
                }

                var client = new ConfigCatClient(sdkKey, options);
                Clients[registryKey] = new Entry(client);
                return new ClientLease(client, Release);
            }
        }

        private static void Release(ClientLease lease)
        {
            ConfigCatClient? toDispose = null;
            lock (Gate)
            {
                foreach (var pair in Clients)
                {
                    if (ReferenceEquals(pair.Value.Client, lease.Client))
                    {
                        if (--pair.Value.Leases == 0)
                        {
                            Clients.Remove(pair.Key);
                            toDispose = lease.Client;
                        }

                        break;
                    }
                }
            }

            toDispose?.Dispose();
        }

        private sealed class Entry
        {
            public Entry(ConfigCatClient client)
            {
                Client = client;
            }

            public ConfigCatClient Client { get; }

            public int Leases { get; set; } = 1;
        }
    }
}
