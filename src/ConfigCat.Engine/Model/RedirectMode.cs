namespace ConfigCat.Engine.Model
{
    /// <summary>What the CDN asks the SDK to do with the base URL in the config's preferences (<c>p.r</c>).</summary>
    public enum RedirectMode
    {
        No = 0,
        Should = 1,
        Force = 2,
    }
}
