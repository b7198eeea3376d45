using System;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    internal sealed class ClientReadyEventArgs : EventArgs
    {
        public ClientReadyEventArgs(ClientCacheState cacheState)
        {
            CacheState = cacheState;
        }

        public ClientCacheState CacheState { get; }
    }
}
