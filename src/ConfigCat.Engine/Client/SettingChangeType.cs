namespace ConfigCat.Engine.Client
{
    public enum SettingChangeType
    {
        Added,
        Removed,
        Changed,
    }
}
