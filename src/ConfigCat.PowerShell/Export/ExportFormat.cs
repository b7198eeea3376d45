namespace ConfigCat.PowerShell.Export
{
    /// <summary>Where Export-ConfigCatValue writes the values.</summary>
    public enum ExportFormat
    {
        /// <summary>AzureDevOps under Azure Pipelines (TF_BUILD), GitHubActions under GitHub Actions (GITHUB_ACTIONS).</summary>
        Auto,

        /// <summary><c>##vso[task.setvariable]</c> logging commands.</summary>
        AzureDevOps,

        /// <summary>Entries appended to the file in $env:GITHUB_OUTPUT (or $env:GITHUB_ENV).</summary>
        GitHubActions,

        /// <summary>A .env file: <c>NAME=value</c> lines.</summary>
        Env,

        /// <summary>A JSON object of key → value.</summary>
        Json,

        /// <summary>A PowerShell data file, readable with Import-PowerShellDataFile.</summary>
        Psd1,
    }
}
