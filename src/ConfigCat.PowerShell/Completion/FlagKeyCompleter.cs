using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Model;

namespace ConfigCat.PowerShell.Completion
{
    /// <summary>Completes the keys of boolean settings only: the ones Test-ConfigCatFlag answers for.</summary>
    public sealed class FlagKeyCompleter : SettingCompleter
    {
        internal override IEnumerable<string> Candidates(SettingsMap settings) =>
            settings.Where(pair => pair.Value.Type == SettingType.Boolean).Select(pair => pair.Key);
    }
}
