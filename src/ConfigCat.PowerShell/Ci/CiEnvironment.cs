using System;

namespace ConfigCat.PowerShell.Ci
{
    /// <summary>Which CI system the process runs under, from the variables each one sets for every step.</summary>
    internal static class CiEnvironment
    {
        public static CiSystem Detect()
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD")))
            {
                return CiSystem.AzureDevOps;
            }

            return string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)
                ? CiSystem.GitHubActions
                : CiSystem.None;
        }

        /// <summary>The command that tells the CI system to mask <paramref name="secret"/> in every later log line,
        /// or null outside CI. This line is the one place the secret is written whole, which is how masking works.</summary>
        public static string? MaskCommand(CiSystem system, string secret) => system switch
        {
            CiSystem.AzureDevOps => "##vso[task.setsecret]" + AzureDevOpsText.EscapeData(secret),
            CiSystem.GitHubActions => "::add-mask::" + secret,
            _ => null,
        };
    }
}
