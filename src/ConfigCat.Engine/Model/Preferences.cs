namespace ConfigCat.Engine.Model
{
    /// <summary>The <c>p</c> object of config JSON: where the config should be downloaded from, and the salt.</summary>
    public sealed class Preferences
    {
        public Preferences(string? baseUrl, RedirectMode? redirectMode, string? salt)
        {
            BaseUrl = baseUrl;
            RedirectMode = redirectMode;
            Salt = salt;
        }

        public string? BaseUrl { get; }

        public RedirectMode? RedirectMode { get; }

        public string? Salt { get; }
    }
}
