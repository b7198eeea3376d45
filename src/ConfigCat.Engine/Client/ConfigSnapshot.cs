using System;
using System.Collections.Generic;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Polling;

namespace ConfigCat.Engine.Client
{
    /// <summary>
    /// One consistent view of a client's settings (the downloaded config merged with any overrides): every evaluation
    /// through the same snapshot sees the same config even if a refresh swaps it meanwhile. Creating one neither reads
    /// the cache nor downloads.
    /// </summary>
    public sealed class ConfigSnapshot
    {
        private readonly ConfigCatClient client;

        internal ConfigSnapshot(ConfigCatClient client, ProjectConfig remote, SettingsMap? settings, ClientCacheState cacheState)
        {
            this.client = client;
            Remote = remote;
            Settings = settings;
            CacheState = cacheState;
        }

        /// <summary>The downloaded (or cached) config, <see cref="ProjectConfig.Empty"/> when there is none.</summary>
        public ProjectConfig Remote { get; }

        /// <summary>The settings evaluations use; null when there is no config at all.</summary>
        public SettingsMap? Settings { get; }

        public ClientCacheState CacheState { get; }

        public DateTime? FetchTime => Remote.IsEmpty ? (DateTime?)null : Remote.FetchTime;

        /// <summary>Evaluates without allocating a details object. Never throws for config or network problems.</summary>
        /// <param name="logger">Where this evaluation's messages go; the client's logger when null.</param>
        public EvaluationResult Evaluate(string key, object? defaultValue, User? user = null, Logger? logger = null)
        {
            var result = Evaluator.Evaluate(Settings, key, defaultValue, user ?? client.DefaultUser, logger ?? client.Logger);
            client.OnFlagEvaluated(key, result, user ?? client.DefaultUser, FetchTime);
            return result;
        }

        public EvaluationDetails GetValueDetails(string key, object? defaultValue, User? user = null, Logger? logger = null) =>
            new EvaluationDetails(key, Evaluate(key, defaultValue, user, logger), user ?? client.DefaultUser, FetchTime);

        /// <summary>Every setting evaluated with no type constraint, in document order.</summary>
        public IReadOnlyList<EvaluationDetails> GetAllValueDetails(User? user = null, Logger? logger = null)
        {
            if (Settings == null)
            {
                (logger ?? client.Logger).ConfigJsonIsNotPresent("empty list");
                return Array.Empty<EvaluationDetails>();
            }

            var all = new List<EvaluationDetails>(Settings.Count);
            foreach (var key in Settings.Keys)
            {
                all.Add(GetValueDetails(key, null, user, logger));
            }

            return all;
        }

        public IReadOnlyList<string> GetAllKeys(Logger? logger = null)
        {
            if (Settings == null)
            {
                (logger ?? client.Logger).ConfigJsonIsNotPresent("empty array");
                return Array.Empty<string>();
            }

            return Settings.Keys;
        }

        /// <summary>The key and value that carry <paramref name="variationId"/>, or null (with error 2011) when none does.</summary>
        public KeyValuePair<string, object>? GetKeyAndValue(string variationId, Logger? logger = null)
        {
            if (string.IsNullOrEmpty(variationId))
            {
                throw new ArgumentException("The variation ID must not be empty.", nameof(variationId));
            }

            if (Settings == null)
            {
                (logger ?? client.Logger).ConfigJsonIsNotPresent("null");
                return null;
            }

            var found = VariationIdLookup.Find(Settings, variationId);
            if (found == null)
            {
                (logger ?? client.Logger).SettingForVariationIdIsNotPresent(variationId);
            }

            return found;
        }
    }
}
