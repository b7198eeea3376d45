using System;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    public sealed class ClientReadyEventArgs : EventArgs
    {
        public ClientReadyEventArgs(ClientCacheState cacheState)
        {
            CacheState = cacheState;
        }

        public ClientCacheState CacheState { get; }
    }
}
