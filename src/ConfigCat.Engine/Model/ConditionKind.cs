namespace ConfigCat.Engine.Model
{
    internal enum ConditionKind
    {
        User,
        Segment,
        PrerequisiteFlag,
    }
}
