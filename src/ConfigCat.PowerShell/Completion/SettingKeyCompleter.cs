using System.Collections.Generic;
using ConfigCat.Engine.Model;

namespace ConfigCat.PowerShell.Completion
{
    /// <summary>Completes the keys of every setting.</summary>
    public sealed class SettingKeyCompleter : SettingCompleter
    {
        internal override IEnumerable<string> Candidates(SettingsMap settings) => settings.Keys;
    }
}
