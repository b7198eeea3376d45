namespace ConfigCat.Engine.Webhooks
{
    /// <summary>One entry of the JSON array ConfigCat puts in place of <c>##ChangeDetails##</c> in a webhook body.</summary>
    public sealed class WebhookChange
    {
        public WebhookChange(string settingKey, string? @event, string? details)
        {
            SettingKey = settingKey;
            Event = @event;
            Details = details;
        }

        /// <summary>The key of the changed setting, as in the ConfigCat Dashboard.</summary>
        public string SettingKey { get; }

        /// <summary>What happened to it, as ConfigCat names it (for example <c>changed</c>).</summary>
        public string? Event { get; }

        /// <summary>ConfigCat's human-readable description of the change (old and new values, rules).</summary>
        public string? Details { get; }

        public override string ToString() => SettingKey + " " + Event;
    }
}
