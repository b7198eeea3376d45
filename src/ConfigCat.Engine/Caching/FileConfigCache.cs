using System;
using System.IO;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// An <see cref="IExternalCache"/> in a folder, one file per cache key, so that several processes (pipeline steps,
    /// runbook jobs) share one download and can start from the last known config when the CDN is unreachable.
    /// Writes are atomic (a temporary file renamed over the entry) and, on Unix, readable only by the owner. A read
    /// only touches the file's content when its timestamp or size changed, because the client reads the cache on
    /// every evaluation.
    /// </summary>
    public sealed class FileConfigCache : IExternalCache
    {
        private readonly object gate = new object();
        private string? lastPath;
        private DateTime lastWriteTime;
        private long lastLength;
        private string? lastContent;

        public FileConfigCache(string directory)
        {
            Directory = Path.GetFullPath(directory ?? throw new ArgumentNullException(nameof(directory)));
        }

        public string Directory { get; }

        public string PathOf(string key) => Path.Combine(Directory, key + ".cache");

        public string? Get(string key)
        {
            var path = PathOf(key);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            lock (gate)
            {
                if (path == lastPath && info.LastWriteTimeUtc == lastWriteTime && info.Length == lastLength)
                {
                    return lastContent;
                }
            }

            var content = File.ReadAllText(path);
            lock (gate)
            {
                lastPath = path;
                lastWriteTime = info.LastWriteTimeUtc;
                lastLength = info.Length;
                lastContent = content;
            }

            return content;
        }

        public void Set(string key, string value)
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.CreateDirectory(Directory);
                UnixFilePermissions.RestrictDirectoryToOwner(Directory);
            }

            AtomicFile.WriteAllText(PathOf(key), value, restrictToOwner: true);
        }
    }
}
