namespace ConfigCat.Engine.Overrides
{
    /// <summary>How locally defined flag values combine with the config downloaded from ConfigCat.</summary>
    public enum OverrideBehaviour
    {
        /// <summary>Only the local values are used: no download, no cache, and the SDK key is not checked.</summary>
        LocalOnly = 0,

        /// <summary>Downloaded and local settings together; a local setting wins over a downloaded one with the same key.</summary>
        LocalOverRemote = 1,

        /// <summary>Downloaded and local settings together; a downloaded setting wins over a local one with the same key.</summary>
        RemoteOverLocal = 2,
    }
}
