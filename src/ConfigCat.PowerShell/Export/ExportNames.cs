using System;
using System.Collections.Generic;
using System.Text;

namespace ConfigCat.PowerShell.Export
{
    /// <summary>Setting keys turned into the names each target accepts (every other character becomes '_'), and which
    /// of those names the target's consumers cannot tell apart.</summary>
    internal static class ExportNames
    {
        private static readonly string[] AzureDevOpsReservedPrefixes = { "endpoint", "input", "secret", "path", "securefile" };

        /// <summary>The name <paramref name="key"/> is written under in <paramref name="format"/>.</summary>
        public static string Of(ExportFormat format, string key, bool asEnvironmentVariable) => format switch
        {
            ExportFormat.AzureDevOps => AzureDevOps(key),
            ExportFormat.GitHubActions => asEnvironmentVariable ? EnvironmentVariable(key) : GitHubOutput(key),
            ExportFormat.Env => EnvironmentVariable(key),
            _ => key,
        };

        /// <summary>The groups of keys that would end up under one name, in the order of <paramref name="keys"/>.</summary>
        public static List<NameCollision> FindCollisions(ExportFormat format, IEnumerable<string> keys, string prefix, bool asEnvironmentVariable)
        {
            var byName = new Dictionary<string, NameCollision>(ComparerOf(format));
            var inOrder = new List<NameCollision>();
            foreach (var key in keys)
            {
                var name = Of(format, prefix + key, asEnvironmentVariable);
                var identity = format == ExportFormat.AzureDevOps ? name.Replace('.', '_') : name;
                if (!byName.TryGetValue(identity, out var group))
                {
                    group = new NameCollision(name);
                    byName.Add(identity, group);
                    inOrder.Add(group);
                }

                group.Keys.Add(key);
            }

            return inOrder.FindAll(group => group.Keys.Count > 1);
        }

        /// <summary>Env files are read by case-sensitive shells and JSON keys are case-sensitive. Azure Pipelines
        /// variables, GitHub contexts (and environment variables on Windows runners) and PowerShell hashtables ignore
        /// case; the agent also exposes a variable's '.' as '_' in the environment.</summary>
        private static StringComparer ComparerOf(ExportFormat format) =>
            format == ExportFormat.Env || format == ExportFormat.Json ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

        /// <summary>Azure Pipelines variables: letters, digits, '.' and '_', not starting with a reserved word.</summary>
        private static string AzureDevOps(string name)
        {
            var sanitized = Replace(name, c => char.IsLetterOrDigit(c) && c < 128 || c == '.' || c == '_');
            foreach (var reserved in AzureDevOpsReservedPrefixes)
            {
                if (sanitized.StartsWith(reserved, StringComparison.OrdinalIgnoreCase))
                {
                    return "_" + sanitized;
                }
            }

            return sanitized;
        }

        /// <summary>GitHub step outputs: letters, digits, '-' and '_', starting with a letter or '_'.</summary>
        private static string GitHubOutput(string name) => StartWithLetter(Replace(name, c => char.IsLetterOrDigit(c) && c < 128 || c == '-' || c == '_'));

        /// <summary>Environment variables: letters, digits and '_', starting with a letter or '_'.</summary>
        private static string EnvironmentVariable(string name) => StartWithLetter(Replace(name, c => char.IsLetterOrDigit(c) && c < 128 || c == '_'));

        private static string StartWithLetter(string name) => name.Length == 0 || char.IsDigit(name[0]) || name[0] == '-' ? "_" + name : name;

        private static string Replace(string name, Func<char, bool> allowed)
        {
            var builder = new StringBuilder(name.Length);
            foreach (var c in name)
            {
                builder.Append(allowed(c) ? c : '_');
            }

            return builder.ToString();
        }
    }
}
