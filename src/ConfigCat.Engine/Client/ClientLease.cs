using System;
using System.Threading;

namespace ConfigCat.Engine.Client
{
    /// <summary>A share of a registered client; the client is disposed when its last lease is.</summary>
    public sealed class ClientLease : IDisposable
    {
        private readonly Action<ClientLease> release;
        private int released;

        internal ClientLease(ConfigCatClient client, Action<ClientLease> release)
        {
            Client = client;
            this.release = release;
        }

        public ConfigCatClient Client { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                release(this);
            }
        }
    }
}
