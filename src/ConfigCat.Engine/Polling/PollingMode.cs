namespace ConfigCat.Engine.Polling
{
    /// <summary>How the client keeps its config fresh.</summary>
    public enum PollingMode
    {
        /// <summary>A background timer downloads the config every poll interval; evaluations never download.</summary>
        AutoPoll,

        /// <summary>An evaluation downloads the config when the cached one is older than its time-to-live.</summary>
        LazyLoad,

        /// <summary>Only an explicit refresh downloads.</summary>
        ManualPoll,
    }
}
