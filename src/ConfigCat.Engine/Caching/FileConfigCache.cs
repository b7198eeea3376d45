using System;
using System.IO;
using System.Text;

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
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
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

            var content = File.ReadAllText(path, Utf8NoBom);
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

            var path = PathOf(key);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Restricted before any byte is written, so the content is never readable by others.
                    UnixFilePermissions.RestrictFileToOwner(temporary);
                    var bytes = Utf8NoBom.GetBytes(value);
                    stream.Write(bytes, 0, bytes.Length);
                }

                ReplaceFile(temporary, path);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private static void ReplaceFile(string source, string destination)
        {
            if (File.Exists(destination))
            {
                File.Replace(source, destination, null, ignoreMetadataErrors: true);
            }
            else
            {
                try
                {
                    File.Move(source, destination);
                }
                catch (IOException) when (File.Exists(destination))
                {
                    // Another process created the entry in the meantime; replacing keeps the newest write.
                    File.Replace(source, destination, null, ignoreMetadataErrors: true);
                }
            }
        }
    }
}
