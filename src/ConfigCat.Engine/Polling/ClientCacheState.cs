namespace ConfigCat.Engine.Polling
{
    /// <summary>What the client had to evaluate with when it became ready.</summary>
    public enum ClientCacheState
    {
        NoFlagData = 0,
        HasLocalOverrideFlagDataOnly = 1,
        HasCachedFlagDataOnly = 2,
        HasUpToDateFlagData = 3,
    }
}
