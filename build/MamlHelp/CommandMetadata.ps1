# The code's view of a cmdlet: its parameters and syntax as platyPS 0.14 would document them, from Get-Command.

$AllSetsMoniker = '(All)'
$SyntaxWidth = 110

function Get-TypeString {
    <#
    .SYNOPSIS
    The type name platyPS writes: the short name, the inner type of a Nullable, the full name of other generics.
    #>
    param([Parameter(Mandatory)] [type] $Type)
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return $Type.GenericTypeArguments[0].Name }
    if ($Type.IsGenericType) { return $Type.ToString() }
    $Type.Name
}

function Get-CodeParameter {
    <#
    .SYNOPSIS
    Each non-common parameter of a cmdlet as platyPS would describe it, with one entry per group of parameter sets
    that share the same Required, Position and pipeline input.
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command)

    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $instance = [Activator]::CreateInstance($Command.ImplementingType)
    $setNames = @($Command.ParameterSets | ForEach-Object Name)
    $parameters = [ordered]@{}
    foreach ($set in $Command.ParameterSets) {
        foreach ($parameter in $set.Parameters) {
            if ($parameter.Name -in $common) { continue }
            if (-not $parameters.Contains($parameter.Name)) {
                $type = $parameter.ParameterType
                $element = if ($type.IsArray) { $type.GetElementType() } else { $type }
                $accepted = @()
                if ($element.IsEnum) { $accepted = [Enum]::GetNames($element) }
                $validateSet = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
                if ($validateSet) { $accepted = @($validateSet.ValidValues) }
                $default = $instance.($parameter.Name)
                if ($default -is [System.Management.Automation.SwitchParameter]) { $default = [bool]$default }
                if ($default -is [array] -and $default.Count -eq 0) { $default = $null }
                $parameters[$parameter.Name] = [pscustomobject]@{
                    Name           = $parameter.Name
                    Type           = Get-TypeString $type
                    IsSwitch       = $type -eq [System.Management.Automation.SwitchParameter]
                    Aliases        = @($parameter.Aliases)
                    AcceptedValues = @($accepted)
                    Globbing       = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                    Default        = if ($null -eq $default) { $null } else { "$default" }
                    Sets           = [ordered]@{}
                }
            }
            $pipeline = if ($parameter.ValueFromPipeline -and $parameter.ValueFromPipelineByPropertyName) { 'True (ByPropertyName, ByValue)' }
            elseif ($parameter.ValueFromPipeline) { 'True (ByValue)' }
            elseif ($parameter.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' }
            else { 'False' }
            $parameters[$parameter.Name].Sets[$set.Name] = [pscustomobject]@{
                Required = [bool]$parameter.IsMandatory
                Position = if ($parameter.Position -lt 0) { 'Named' } else { "$($parameter.Position)" }
                Pipeline = $pipeline
            }
        }
    }

    foreach ($parameter in $parameters.Values) {
        $groups = [Collections.Generic.List[object]]::new()
        foreach ($setName in $parameter.Sets.Keys) {
            $metadata = $parameter.Sets[$setName]
            $group = $groups | Where-Object { $_.Required -eq $metadata.Required -and $_.Position -eq $metadata.Position -and $_.Pipeline -eq $metadata.Pipeline } | Select-Object -First 1
            if (-not $group) {
                $group = [pscustomobject]@{ Index = $groups.Count; Required = $metadata.Required; Position = $metadata.Position; Pipeline = $metadata.Pipeline; Sets = [Collections.Generic.List[string]]::new() }
                $groups.Add($group)
            }
            $group.Sets.Add($setName)
        }
        foreach ($group in $groups) {
            $sets = if ($setNames.Count -eq 1 -or $group.Sets.Count -eq $setNames.Count) { $AllSetsMoniker } else { $group.Sets -join ', ' }
            $group | Add-Member -NotePropertyName SetsText -NotePropertyValue $sets
        }
        $parameter | Add-Member -NotePropertyName Groups -NotePropertyValue $groups.ToArray()
    }
    $parameters
}

function Get-SyntaxText {
    <#
    .SYNOPSIS
    The syntax line of a parameter set as platyPS 0.14 writes it into SYNTAX, wrapped at 110 characters.
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command, [Parameter(Mandatory)] $Set)

    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $tokens = foreach ($parameter in $Set.Parameters) {
        if ($parameter.Name -in $common) { continue }
        if ($parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) {
            "[-$($parameter.Name)]"
            continue
        }
        $token = if ($parameter.Position -ge 0) { "[-$($parameter.Name)]" } else { "-$($parameter.Name)" }
        $token = "$token <$(Get-TypeString $parameter.ParameterType)>"
        if (-not $parameter.IsMandatory) { $token = "[$token]" }
        $token
    }
    $text = [Text.StringBuilder]::new($Command.Name)
    $lineStart = 0
    foreach ($token in @($tokens) + '[<CommonParameters>]') {
        if ($text.Length - $lineStart + $token.Length -gt $SyntaxWidth) {
            [void]$text.Append("`n")
            $lineStart = $text.Length
        }
        [void]$text.Append(" $token")
    }
    $text.ToString()
}
