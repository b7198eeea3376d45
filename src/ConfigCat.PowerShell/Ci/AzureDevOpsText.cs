namespace ConfigCat.PowerShell.Ci
{
    /// <summary>The escaping of Azure DevOps logging commands (<c>##vso[area.action property=value]data</c>), which
    /// the agent reverses: in data '%', CR and LF; in property values also ';' and ']'.</summary>
    internal static class AzureDevOpsText
    {
        public static string EscapeData(string text) =>
            text.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

        public static string EscapeProperty(string text) =>
            EscapeData(text).Replace(";", "%3B").Replace("]", "%5D");
    }
}
