namespace ConfigCat.Engine.Client
{
    /// <summary>Where the config the client evaluates with came from.</summary>
    public enum ConfigOrigin
    {
        None,
        ExternalCache,
        Cdn,
        LocalOverrides,
    }
}
