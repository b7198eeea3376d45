using System;
using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Overrides
{
    /// <summary>A source of overriding settings and how it combines with the downloaded config.</summary>
    public sealed class FlagOverrides
    {
        public FlagOverrides(IOverrideDataSource dataSource, OverrideBehaviour behaviour)
        {
            DataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
            Behaviour = behaviour;
        }

        public IOverrideDataSource DataSource { get; }

        public OverrideBehaviour Behaviour { get; }

        /// <summary>The settings to evaluate against. Merging is by whole setting, and prerequisite flags resolve in
        /// the merged result, so a local value of a prerequisite also affects downloaded flags that depend on it.</summary>
        /// <param name="remote">The downloaded settings; null when there is no config yet.</param>
        public SettingsMap Apply(SettingsMap? remote)
        {
            var local = DataSource.Settings;
            switch (Behaviour)
            {
                case OverrideBehaviour.LocalOnly: return local;
                case OverrideBehaviour.LocalOverRemote: return remote == null ? local : SettingsMap.Merge(remote, local);
                default: return remote == null ? local : SettingsMap.Merge(local, remote);
            }
        }
    }
}
