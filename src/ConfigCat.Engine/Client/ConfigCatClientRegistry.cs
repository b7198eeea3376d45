using System;
using System.Collections.Generic;

namespace ConfigCat.Engine.Client
{
    /// <summary>
    /// One client per SDK key per process, as in the official SDKs: every runspace, thread and job that asks for the
    /// same key shares one client, one cache and one download schedule. Clients are reference counted through leases.
    /// </summary>
    public static class ConfigCatClientRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, Entry> Clients = new Dictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>The shared client of <paramref name="sdkKey"/>, created with <paramref name="options"/> if there is
        /// none yet. Throws as <see cref="ConfigCatClient(string, ConfigCatClientOptions)"/> does for bad arguments.</summary>
        public static ClientLease Acquire(string sdkKey, ConfigCatClientOptions options)
        {
            lock (Gate)
            {
                if (Clients.TryGetValue(sdkKey, out var entry))
                {
                    entry.Leases++;
                    return new ClientLease(entry.Client, optionsIgnored: entry.Fingerprint != options.Fingerprint(), Release);
                }

                var client = new ConfigCatClient(sdkKey, options);
                Clients[sdkKey] = new Entry(client, options.Fingerprint());
                return new ClientLease(client, optionsIgnored: false, Release);
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
            public Entry(ConfigCatClient client, string fingerprint)
            {
                Client = client;
                Fingerprint = fingerprint;
            }

            public ConfigCatClient Client { get; }

            public string Fingerprint { get; }

            public int Leases { get; set; } = 1;
        }
    }
}
