using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ConfigCat.Engine.Model;
using ConfigCat.PowerShell.Conversion;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Completion
{
    /// <summary>Tab completion from the config already in memory: never a download, never an error. Subclasses say
    /// which words of the settings are offered.</summary>
    public abstract class SettingCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = PowerShellValues.Unwrap(fakeBoundParameters?["Client"]) as ConfigCatConnection ?? ConnectionStore.Current;
            var settings = connection?.IsConnected == true ? connection.Client.Snapshot().Settings : null;
            if (settings == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Candidates(settings)
                .Where(word => word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(word => new CompletionResult(NeedsQuotes(word) ? "'" + word.Replace("'", "''") + "'" : word, word, CompletionResultType.ParameterValue, word));
        }

        internal abstract IEnumerable<string> Candidates(SettingsMap settings);

        private static bool NeedsQuotes(string word) => word.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".IndexOf(c) >= 0) || word.Length == 0;
    }
}
