namespace ConfigCat.Engine.Fetching
{
    /// <summary>Which CDN the config is downloaded from by default; must match the setting on the ConfigCat Dashboard
    /// (otherwise the CDN redirects, and warning 3002 is logged).</summary>
    public enum DataGovernance
    {
        Global = 0,
        EuOnly = 1,
    }
}
