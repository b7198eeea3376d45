using System;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    /// <summary>A download attempt finished (successfully or not).</summary>
    internal sealed class ConfigFetchedEventArgs : EventArgs
    {
        public ConfigFetchedEventArgs(RefreshResult result)
        {
            Result = result;
        }

        public RefreshResult Result { get; }
    }
}
