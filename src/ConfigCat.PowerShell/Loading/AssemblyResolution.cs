namespace ConfigCat.PowerShell.Loading
{
    /// <summary>The answer of <see cref="AssemblyResolutionPolicy"/>: reuse an assembly that is already loaded, load a
    /// shipped file, or decline so that other resolve handlers (or the original bind failure) take over.</summary>
    internal sealed class AssemblyResolution
    {
        public static readonly AssemblyResolution None = new AssemblyResolution(null, null);

        private AssemblyResolution(int? loadedIndex, string? shippedPath)
        {
            LoadedIndex = loadedIndex;
            ShippedPath = shippedPath;
        }

        /// <summary>Position in the loaded-assembly sequence given to the policy, when an already loaded assembly satisfies
        /// the request.</summary>
        public int? LoadedIndex { get; }

        /// <summary>Full path of the shipped file to load, when no loaded assembly satisfies the request.</summary>
        public string? ShippedPath { get; }

        public static AssemblyResolution UseLoaded(int index) => new AssemblyResolution(index, null);

        public static AssemblyResolution UseShipped(string path) => new AssemblyResolution(null, path);
    }
}
