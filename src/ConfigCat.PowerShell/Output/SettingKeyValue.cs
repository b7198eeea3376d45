namespace ConfigCat.PowerShell.Output
{
    /// <summary>A setting key with a value (Get-ConfigCatKey -VariationId, Get-ConfigCatValue -All). Its Key property
    /// binds to Get-ConfigCatValue -Key from the pipeline.</summary>
    public sealed class SettingKeyValue
    {
        public SettingKeyValue(string key, object? value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public object? Value { get; }

        public override string ToString() => Key + " = " + Value;
    }
}
