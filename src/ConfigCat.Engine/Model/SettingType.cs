namespace ConfigCat.Engine.Model
{
    /// <summary>The type of a feature flag or setting (the <c>t</c> field of config JSON v6).</summary>
    public enum SettingType
    {
        /// <summary>The type is not known: an override value of an unsupported type, or an invalid <c>t</c>.</summary>
        Unknown = -1,
        Boolean = 0,
        String = 1,
        Int = 2,
        Double = 3,
    }
}
