namespace ConfigCat.Engine.Evaluation
{
    /// <summary>Where an attribute name is looked up: the three well-known properties, or the custom attributes.</summary>
    internal enum UserAttributeKind
    {
        Custom,
        Identifier,
        Email,
        Country,
    }
}
