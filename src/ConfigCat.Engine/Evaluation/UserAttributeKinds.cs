namespace ConfigCat.Engine.Evaluation
{
    internal static class UserAttributeKinds
    {
        public static UserAttributeKind Of(string? attributeName) => attributeName switch
        {
            User.IdentifierAttribute => UserAttributeKind.Identifier,
            User.EmailAttribute => UserAttributeKind.Email,
            User.CountryAttribute => UserAttributeKind.Country,
            _ => UserAttributeKind.Custom,
        };
    }
}
