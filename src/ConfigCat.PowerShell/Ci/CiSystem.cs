namespace ConfigCat.PowerShell.Ci
{
    public enum CiSystem
    {
        None,
        AzureDevOps,
        GitHubActions,
    }
}
