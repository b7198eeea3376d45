using ConfigCat.Engine.Model;

namespace ConfigCat.Engine.Overrides
{
    /// <summary>Overrides from JSON text in either format of <see cref="FileOverrideDataSource"/>, for callers that
    /// have the JSON itself rather than a file (an environment variable, a pipeline parameter).</summary>
    public sealed class JsonTextOverrideDataSource : IOverrideDataSource
    {
        private readonly string json;

        /// <param name="origin">Where the text came from, as messages name it (e.g. "-FlagOverrides").</param>
        /// <exception cref="FlagOverrideFileException">The JSON is not valid, or has neither 'flags' nor 'f'.</exception>
        public JsonTextOverrideDataSource(string json, string origin)
        {
            this.json = json;
            Settings = FileOverrideDataSource.Parse(json, origin, "The flag override JSON of " + origin);
        }

        public SettingsMap Settings { get; }

        public string Describe() => "json:" + json;
    }
}
