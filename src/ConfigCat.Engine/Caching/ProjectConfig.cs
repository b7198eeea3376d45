using System;
using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// One cache entry: the config JSON exactly as downloaded, its parsed form, when it was downloaded and its ETag.
    /// Immutable, so the entry in use can be swapped atomically while other threads evaluate the old one.
    /// </summary>
    public sealed class ProjectConfig
    {
        /// <summary>No config at all (nothing downloaded or cached yet).</summary>
        internal static readonly ProjectConfig Empty = new ProjectConfig(null, null, DateTime.MinValue, null);

        internal ProjectConfig(string? configJson, Config? config, DateTime fetchTimeUtc, string? eTag)
        {
            ConfigJson = configJson;
            Config = config;
            FetchTime = fetchTimeUtc;
            ETag = eTag;
        }

        /// <summary>The raw response body; kept verbatim because it is what the cache stores and compares.</summary>
        internal string? ConfigJson { get; }

        public Config? Config { get; }

        /// <summary>When the content was last confirmed by the CDN (UTC, millisecond precision).</summary>
        public DateTime FetchTime { get; }

        public string? ETag { get; }

        internal bool IsEmpty => Config == null;

        /// <summary>Whether the entry is older than <paramref name="maxAge"/> at <paramref name="nowUtc"/>; the empty
        /// entry is always expired.</summary>
        internal bool IsExpired(TimeSpan maxAge, DateTime nowUtc) => ReferenceEquals(this, Empty) || FetchTime + maxAge < nowUtc;

        /// <summary>The same content, confirmed again at <paramref name="fetchTimeUtc"/> (a 304, or a 403/404 that keeps
        /// the last config and postpones the next attempt).</summary>
        internal ProjectConfig With(DateTime fetchTimeUtc) => new ProjectConfig(ConfigJson, Config, fetchTimeUtc, ETag);

        /// <summary>Same content as <paramref name="other"/>: by ETag when both have one, else by JSON text.</summary>
        internal bool ContentEquals(ProjectConfig other) =>
            ETag != null && other.ETag != null ? ETag == other.ETag : ConfigJson == other.ConfigJson;

        /// <summary>The current UTC time truncated to milliseconds, the precision the cache format keeps.</summary>
        internal static DateTime UtcNowMilliseconds()
        {
            var now = DateTime.UtcNow;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }
}
