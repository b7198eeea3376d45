namespace ConfigCat.Engine.Client
{
    /// <summary>One setting that differs between two configs, with its value for a request without a user.</summary>
    public sealed class SettingChange
    {
        public SettingChange(string key, SettingChangeType changeType, object? oldValue, object? newValue)
        {
            Key = key;
            ChangeType = changeType;
            OldValue = oldValue;
            NewValue = newValue;
        }

        public string Key { get; }

        public SettingChangeType ChangeType { get; }

        /// <summary>The value before (null when added), evaluated without a user.</summary>
        public object? OldValue { get; }

        /// <summary>The value after (null when removed), evaluated without a user.</summary>
        public object? NewValue { get; }
    }
}
