using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ConfigCat.PowerShell.Conversion;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Completion
{
    /// <summary>Tab completion of setting keys from the config already in memory: never a download, never an error.</summary>
    public sealed class SettingKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = PowerShellValues.Unwrap(fakeBoundParameters?["Client"]) as ConfigCatConnection ?? ConnectionStore.Current;
            var keys = connection?.IsConnected == true ? connection.Client.Snapshot().Settings?.Keys : null;
            if (keys == null)
            {
                return Enumerable.Empty<CompletionResult>();
            }

            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return keys
                .Where(key => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(key => new CompletionResult(NeedsQuotes(key) ? "'" + key.Replace("'", "''") + "'" : key, key, CompletionResultType.ParameterValue, key));
        }

        private static bool NeedsQuotes(string key) => key.Any(c => char.IsWhiteSpace(c) || "'\"`$;,(){}[]@#|&<>".IndexOf(c) >= 0) || key.Length == 0;
    }
}
