namespace ConfigCat.Engine.Fetching
{
    internal enum FetchStatus
    {
        /// <summary>A new config was downloaded (HTTP 200).</summary>
        Fetched,

        /// <summary>The cached config is still current (HTTP 304).</summary>
        NotModified,

        /// <summary>The download failed; the last good config is kept.</summary>
        Errored,
    }
}
