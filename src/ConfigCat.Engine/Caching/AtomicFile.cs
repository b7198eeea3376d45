using System;
using System.IO;
using System.Text;

namespace ConfigCat.Engine.Caching
{
    /// <summary>Writes a whole file or nothing: the text goes to a temporary file beside the target, which then
    /// replaces it, so a reader (another process, a later pipeline step) never sees a half-written file. Where Windows
    /// refuses the replacement for a moment because the file is open, it is retried. The temporary name adds only a
    /// short suffix, and on Windows both paths are extended where they reach MAX_PATH (see <see cref="Win32Path"/>).</summary>
    public static class AtomicFile
    {
        private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

        /// <param name="restrictToOwner">On Unix, make the file readable by its owner only (before any byte is written).</param>
        public static void WriteAllText(string path, string text, bool restrictToOwner)
        {
            var temporary = Win32Path.ForCurrentPlatform(TemporaryPathFor(path));
            var target = Win32Path.ForCurrentPlatform(path);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    if (restrictToOwner)
                    {
                        UnixFilePermissions.RestrictFileToOwner(temporary);
                    }

                    var bytes = Utf8NoBom.GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                }

                SharingViolationRetry.Run(() => Replace(temporary, target));
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        /// <summary>A new name beside <paramref name="path"/> for the text before it replaces the target: 32 random
        /// bits keep concurrent writers apart (a clash fails the write rather than mixing two), and every character
        /// more would bring a long target closer to MAX_PATH.</summary>
        internal static string TemporaryPathFor(string path) => path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";

        private static void Replace(string source, string destination)
        {
            if (File.Exists(destination))
            {
                File.Replace(source, destination, null, ignoreMetadataErrors: true);
                return;
            }

            try
            {
                File.Move(source, destination);
            }
            catch (IOException) when (File.Exists(destination))
            {
                // Another writer created the file in the meantime; replacing keeps the newest write.
                File.Replace(source, destination, null, ignoreMetadataErrors: true);
            }
        }
    }
}
