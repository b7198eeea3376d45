using System;
using System.Collections.Generic;
using ConfigCat.Engine.Client;

namespace ConfigCat.PowerShell.Events
{
    /// <summary>What a ConfigCat config change event carries, as <c>$EventArgs</c> in an action (and
    /// <c>$Event.SourceEventArgs</c>): the settings that changed, with old and new values for a request without a user.
    /// <c>$Event.MessageData</c> stays the -MessageData of the subscription. An EventArgs, so PowerShell exposes it so.</summary>
    public sealed class ConfigCatChangedEventData : EventArgs
    {
        public ConfigCatChangedEventData(IReadOnlyList<SettingChange> changes, DateTime? fetchTime, string? eTag)
        {
            Changes = changes;
            FetchTime = fetchTime;
            ETag = eTag;
        }

        public IReadOnlyList<SettingChange> Changes { get; }

        /// <summary>The keys of every added, removed or changed setting.</summary>
        public IReadOnlyList<string> ChangedKeys
        {
            get
            {
                var keys = new List<string>(Changes.Count);
                foreach (var change in Changes)
                {
                    keys.Add(change.Key);
                }

                return keys;
            }
        }

        public DateTime? FetchTime { get; }

        public string? ETag { get; }
    }
}
