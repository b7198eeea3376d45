using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Model;

namespace ConfigCat.PowerShell.Completion
{
    /// <summary>Completes the variation IDs of the settings (for Get-ConfigCatKey -VariationId).</summary>
    public sealed class VariationIdCompleter : SettingCompleter
    {
        internal override IEnumerable<string> Candidates(SettingsMap settings) => VariationIdLookup.VariationIds(settings);
    }
}
