namespace ConfigCat.Engine.Caching
{
    /// <summary>One entry of a Windows DACL as SDDL spells it: the trustee is an SDDL alias ("SY", "BA") or a SID
    /// string, the rights are the access mask.</summary>
    internal sealed class WindowsAccessEntry
    {
        public WindowsAccessEntry(bool allows, bool inheritOnly, uint rights, string trustee)
        {
            Allows = allows;
            InheritOnly = inheritOnly;
            Rights = rights;
            Trustee = trustee;
        }

        /// <summary>An allowing entry (plain, object, or callback); deny entries only ever take rights away.</summary>
        public bool Allows { get; }

        /// <summary>Applies only to what is created inside the folder, not to the folder itself.</summary>
        public bool InheritOnly { get; }

        public uint Rights { get; }

        public string Trustee { get; }
    }
}
