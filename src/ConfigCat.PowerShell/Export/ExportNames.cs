using System.Text;

namespace ConfigCat.PowerShell.Export
{
    /// <summary>Setting keys turned into the names each target accepts (every other character becomes '_').</summary>
    internal static class ExportNames
    {
        private static readonly string[] AzureDevOpsReservedPrefixes = { "endpoint", "input", "secret", "path", "securefile" };

        /// <summary>Azure Pipelines variables: letters, digits, '.' and '_', not starting with a reserved word.</summary>
        public static string AzureDevOps(string name)
        {
            var sanitized = Replace(name, c => char.IsLetterOrDigit(c) && c < 128 || c == '.' || c == '_');
            foreach (var reserved in AzureDevOpsReservedPrefixes)
            {
                if (sanitized.StartsWith(reserved, System.StringComparison.OrdinalIgnoreCase))
                {
                    return "_" + sanitized;
                }
            }

            return sanitized;
        }

        /// <summary>GitHub step outputs: letters, digits, '-' and '_', starting with a letter or '_'.</summary>
        public static string GitHubOutput(string name) => StartWithLetter(Replace(name, c => char.IsLetterOrDigit(c) && c < 128 || c == '-' || c == '_'));

        /// <summary>Environment variables: letters, digits and '_', starting with a letter or '_'.</summary>
        public static string EnvironmentVariable(string name) => StartWithLetter(Replace(name, c => char.IsLetterOrDigit(c) && c < 128 || c == '_'));

        private static string StartWithLetter(string name) => name.Length == 0 || char.IsDigit(name[0]) || name[0] == '-' ? "_" + name : name;

        private static string Replace(string name, System.Func<char, bool> allowed)
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
