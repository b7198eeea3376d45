namespace ConfigCat.Engine.Logging
{
    /// <summary>Minimum severity that is logged. Ordered so that a higher value logs more.</summary>
    public enum LogLevel
    {
        Off = 0,
        Error = 1,
        Warning = 2,
        Info = 3,
        Debug = 4,
    }
}
