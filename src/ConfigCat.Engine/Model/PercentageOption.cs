namespace ConfigCat.Engine.Model
{
    /// <summary>One percentage option (<c>{"p": 30, "v": ..., "i": ...}</c>).</summary>
    public sealed class PercentageOption : SettingValueContainer
    {
        public PercentageOption(int percentage, SettingValue value, string? variationId) : base(value, variationId)
        {
            Percentage = percentage;
        }

        public int Percentage { get; }
    }
}
