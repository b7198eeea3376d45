using System;
using System.IO;
using System.Text;
using System.Threading;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// An <see cref="IExternalCache"/> in a folder, one file per cache key, so that several processes (pipeline steps,
    /// runbook jobs) share one download and can start from the last known config when the CDN is unreachable.
    /// Writes are atomic (a temporary file renamed over the entry); a folder the cache creates, and so the files in it,
    /// can be read only by its owner (on Windows also by SYSTEM and Administrators). A read
    /// only touches the file's content when its timestamp or size changed, because the client reads the cache on
    /// every evaluation. A folder or file that other users can write is not trusted (see <see cref="CacheTrust"/>):
    /// the first attempt to use it throws <see cref="UntrustedCacheException"/>, later ones do nothing.
    /// </summary>
    public sealed class FileConfigCache : IExternalCache
    {
        private readonly object gate = new object();
        private string? lastPath;
        private DateTime lastWriteTime;
        private long lastLength;
        private string? lastContent;
        private bool directoryTrusted;
        private int distrustReported;

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

            if (!IsTrusted(Directory) || !IsTrusted(path))
            {
                return null;
            }

            var content = ReadShared(path);
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
                CreateOwnerOnlyDirectory(Directory);
            }

            var path = PathOf(key);
            if (!IsTrusted(Directory) || (File.Exists(path) && !IsTrusted(path)))
            {
                return;
            }

            AtomicFile.WriteAllText(path, value, restrictToOwner: true);
        }

        private static void CreateOwnerOnlyDirectory(string directory)
        {
            if (UnixFilePermissions.IsUnix)
            {
                System.IO.Directory.CreateDirectory(directory);
                UnixFilePermissions.RestrictDirectoryToOwner(directory);
                return;
            }

            // Only the cache's own folder is restricted; the folders above it belong to whoever uses them. Without
            // the trimming, "C:\cache\" would be its own parent and get the inherited DACL.
            directory = directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var parent = Path.GetDirectoryName(directory);
            if (parent != null)
            {
                System.IO.Directory.CreateDirectory(parent);
            }

            WindowsFileSecurity.CreateOwnerOnlyDirectory(directory);
        }

        /// <summary>Reads without locking the file against a writer's replacement (Windows' File.ReadAllText shares
        /// reading only, so a concurrent File.Replace would fail); the encoding is UTF-8, with or without a BOM.</summary>
        private static string ReadShared(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                return reader.ReadToEnd();
            }
        }

        /// <summary>The folder is checked once (its owner does not change under a running client); a file whenever
        /// its content is read or replaced.</summary>
        private bool IsTrusted(string path)
        {
            var isDirectory = path == Directory;
            if (isDirectory && Volatile.Read(ref directoryTrusted))
            {
                return true;
            }

            var distrust = CacheTrust.Check(path);
            if (distrust == null)
            {
                if (isDirectory)
                {
                    Volatile.Write(ref directoryTrusted, true);
                }

                return true;
            }

            if (Interlocked.Exchange(ref distrustReported, 1) == 0)
            {
                throw new UntrustedCacheException(path, distrust);
            }

            return false;
        }
    }
}
