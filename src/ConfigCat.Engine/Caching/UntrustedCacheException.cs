using System.IO;

namespace ConfigCat.Engine.Caching
{
    /// <summary>A cache folder or file that others can write; the cache then neither reads nor writes it.</summary>
    internal sealed class UntrustedCacheException : IOException
    {
        public UntrustedCacheException(string path, string reason)
            : base("The cache '" + path + "' " + reason + ", so it is neither read nor written.")
        {
            Path = path;
        }

        public string Path { get; }
    }
}
