namespace ConfigCat.Engine.Model
{
    /// <summary>The simple THEN part of a targeting rule (<c>{"v": ..., "i": ...}</c>).</summary>
    public sealed class ServedValue : SettingValueContainer
    {
        public ServedValue(SettingValue value, string? variationId) : base(value, variationId)
        {
        }
    }
}
