using System;
using System.Text;

namespace ConfigCat.Engine.Parsing
{
    /// <summary>FNV-1a over bytes: a cheap fingerprint of JSON text, only to notice that something changed.</summary>
    internal static class ContentHash
    {
        private const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        public static ulong Of(ReadOnlySpan<byte> bytes)
        {
            var hash = Offset;
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * Prime;
            }

            return hash;
        }

        public static ulong Of(string text) => Of(Encoding.UTF8.GetBytes(text));
    }
}
