using System;
using ConfigCat.Engine.Caching;

namespace ConfigCat.Engine.Client
{
    /// <summary>A new config arrived (downloaded, or found in the shared cache) with content different from before.</summary>
    public sealed class ConfigChangedEventArgs : EventArgs
    {
        public ConfigChangedEventArgs(ProjectConfig previous, ProjectConfig current)
        {
            Previous = previous;
            Current = current;
        }

        /// <summary>The config before the change; <see cref="ProjectConfig.Empty"/> on the first one.</summary>
        public ProjectConfig Previous { get; }

        public ProjectConfig Current { get; }
    }
}
