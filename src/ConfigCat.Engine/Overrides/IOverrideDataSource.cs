using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Overrides
{
    /// <summary>Where overriding settings come from. Sources are read once, when they are created.</summary>
    public interface IOverrideDataSource
    {
        SettingsMap Settings { get; }

        /// <summary>Identifies the source's content, so two clients can tell whether they were given the same overrides.</summary>
        string Describe();
    }
}
