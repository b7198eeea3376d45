namespace ConfigCat.Engine.Overrides
{
    /// <summary>A JSON array or object given as a flag value in an override file: no setting can have it, and the
    /// evaluation error shows it as written.</summary>
    internal sealed class UnsupportedJsonValue
    {
        public UnsupportedJsonValue(string json)
        {
            Json = json;
        }

        public string Json { get; }

        public override string ToString() => Json;
    }
}
