namespace ConfigCat.Engine.Caching
{
    /// <summary>A cache shared outside this process (a file, a database...). Entries are strings in the format of
    /// <see cref="ProjectConfigSerializer"/>. Implementations may throw; the client logs and carries on.</summary>
    public interface IExternalCache
    {
        /// <summary>The stored entry, or null when there is none.</summary>
        string? Get(string key);

        void Set(string key, string value);
    }
}
