using System;
using System.Threading;
using ConfigCat.Engine.Logging;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// The client's cache: always an in-memory entry, optionally kept in step with an <see cref="IExternalCache"/>.
    /// Reading syncs from the external cache (another process may have downloaded a newer config); a broken external
    /// entry is reported once and ignored. Empty entries are never written out.
    /// </summary>
    internal sealed class ConfigCache
    {
        private readonly IExternalCache? external;
        private readonly string key;
        private readonly Logger logger;
        private readonly object gate = new object();
        private ProjectConfig inMemory = ProjectConfig.Empty;
        private string? lastSeenExternal;

        /// <param name="sdkKey">The SDK key, from which the external cache's key is derived.</param>
        public ConfigCache(IExternalCache? external, string sdkKey, Logger logger)
        {
            this.external = external;

            // Only an external cache has a key: without one, computing it would only cost a SHA-1 (and, on a cold start,
            // its JIT compilation) on every Connect-ConfigCat.
            key = external == null ? string.Empty : CacheKey.Compute(sdkKey);
            this.logger = logger;
        }

        public bool HasExternal => external != null;

        public ProjectConfig InMemory => Volatile.Read(ref inMemory);

        /// <summary>Whether the in-memory entry came from the external cache (true) or from a download (false).</summary>
        public bool IsFromExternalCache { get; private set; }

        /// <summary>The current entry after reading the external cache. <paramref name="changed"/> tells whether the
        /// external cache brought different, non-empty content.</summary>
        public ProjectConfig Sync(out bool changed)
        {
            changed = false;
            if (external == null)
            {
                return InMemory;
            }

            string? serialized;
            try
            {
                serialized = external.Get(key);
            }
            catch (UntrustedCacheException e)
            {
                logger.CacheNotTrusted(e);
                return InMemory;
            }
            catch (Exception e)
            {
                logger.CacheReadError(e);
                return InMemory;
            }

            lock (gate)
            {
                if (serialized == null || serialized == lastSeenExternal)
                {
                    return inMemory;
                }

                lastSeenExternal = serialized;
                ProjectConfig fromExternal;
                try
                {
                    fromExternal = ProjectConfigSerializer.Deserialize(serialized);
                }
                catch (Exception e)
                {
                    logger.CacheReadError(e);
                    return inMemory;
                }

                changed = !fromExternal.IsEmpty && !fromExternal.ContentEquals(inMemory);
                Volatile.Write(ref inMemory, fromExternal);
                IsFromExternalCache = true;
                return fromExternal;
            }
        }

        /// <param name="confirmedByCdn">The CDN sent or confirmed this content (200/304), as opposed to a failed
        /// download that only moves the fetch time of what was already there.</param>
        public void Set(ProjectConfig config, bool confirmedByCdn)
        {
            string? serialized = null;
            lock (gate)
            {
                Volatile.Write(ref inMemory, config);
                IsFromExternalCache &= !confirmedByCdn;
                if (external != null && !config.IsEmpty)
                {
                    serialized = ProjectConfigSerializer.Serialize(config);
                    lastSeenExternal = serialized;
                }
            }

            if (serialized == null)
            {
                return;
            }

            try
            {
                external!.Set(key, serialized);
            }
            catch (UntrustedCacheException e)
            {
                logger.CacheNotTrusted(e);
            }
            catch (Exception e)
            {
                logger.CacheWriteError(e);
            }
        }
    }
}
