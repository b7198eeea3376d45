namespace ConfigCat.Engine.Logging
{
    /// <summary>Receives the log events that pass the level filter. Called from whatever thread logged the event
    /// (a polling timer, an HTTP continuation, or the caller), so implementations must be thread-safe.</summary>
    public interface ILogSink
    {
        void Write(LogEvent logEvent);
    }
}
