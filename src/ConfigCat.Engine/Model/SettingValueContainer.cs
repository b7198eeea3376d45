namespace ConfigCat.Engine.Model
{
    /// <summary>Anything that can be served: a setting's fallback value, a targeting rule's simple value, or a
    /// percentage option. The evaluator returns a reference to one of these, so no value is copied.</summary>
    public abstract class SettingValueContainer
    {
        protected SettingValueContainer(SettingValue value, string? variationId)
        {
            Value = value;
            VariationId = variationId;
        }

        public SettingValue Value { get; }

        public string? VariationId { get; }
    }
}
