# The platyPS page of an undocumented cmdlet, with the structure from the code and placeholders for the prose.

$OnlineBase = 'https://github.com/configcat-powershell/ConfigCat/blob/main/docs/en-US/'
$CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'

function Get-ParameterYaml {
    <#
    .SYNOPSIS
    The yaml block(s) of a parameter exactly as they belong under PARAMETERS, from the code.
    #>
    param([Parameter(Mandatory)] $Code)

    foreach ($group in $Code.Groups) {
        $default = if ($null -ne $Code.Default) { $Code.Default } else { 'None' }
        $lines = @('```yaml', "Type: $($Code.Type)", "Parameter Sets: $($group.SetsText)", "Aliases: $($Code.Aliases -join ', ')".TrimEnd())
        if ($Code.AcceptedValues) { $lines += "Accepted values: $($Code.AcceptedValues -join ', ')" }
        $lines += @('', "Required: $($group.Required)", "Position: $($group.Position)", "Default value: $default", "Accept pipeline input: $($group.Pipeline)", "Accept wildcard characters: $($Code.Globbing)", '```')
        $lines -join "`n"
    }
}

function New-PageSkeleton {
    <#
    .SYNOPSIS
    Writes the platyPS page a cmdlet without docs needs, with SYNTAX and every parameter's yaml taken from the code
    and {{ }} placeholders for the prose (the build rejects pages that still contain them). The front matter has the
    Locale, ms.date and title lines that platyPS 1.0.3 requires besides platyPS 0.14's own.
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command, [Parameter(Mandatory)] $CodeParameters, [Parameter(Mandatory)] [string] $Destination, [Parameter(Mandatory)] [string] $HelpFileName, [Parameter(Mandatory)] [string] $ModuleName)

    $sets = @($Command.ParameterSets)
    $text = [Collections.Generic.List[string]]::new()
    $text.AddRange([string[]]@('---', "external help file: $HelpFileName", 'Locale: en-US', "Module Name: $ModuleName", "ms.date: $((Get-Date).ToString('MM/dd/yyyy', [cultureinfo]::InvariantCulture))", "online version: $OnlineBase$($Command.Name).md", 'schema: 2.0.0', "title: $($Command.Name)", '---', '', "# $($Command.Name)", '', '## SYNOPSIS', '{{ One sentence: what the cmdlet does. }}', '', '## SYNTAX', ''))
    foreach ($set in $sets) {
        if ($sets.Count -gt 1) {
            $text.Add("### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })")
            $text.Add('')
        }
        $text.AddRange([string[]]@('```', (Get-SyntaxText -Command $Command -Set $set), '```', ''))
    }
    $text.AddRange([string[]]@('## DESCRIPTION', '{{ What it does, when to use it, what it returns. }}', '', '## EXAMPLES', ''))
    foreach ($number in 1, 2) {
        $text.AddRange([string[]]@("### Example ${number}: {{ title }}", '', '```powershell', "Connect-ConfigCat -FlagOverrides @{ myFlag = `$true }", "$($Command.Name)", '```', '', '{{ What the example does and what it prints. Examples run offline in the help test. }}', ''))
    }
    $text.AddRange([string[]]@('## PARAMETERS', ''))
    foreach ($code in $CodeParameters.Values | Sort-Object Name) {
        $text.AddRange([string[]]@("### -$($code.Name)", "{{ What -$($code.Name) does. }}", '', ((Get-ParameterYaml -Code $code) -join "`n`n"), ''))
    }
    $text.AddRange([string[]]@('### CommonParameters', $CommonParametersText, '', '## INPUTS', ''))
    $inputs = @($CodeParameters.Values | Where-Object { $_.Groups | Where-Object Pipeline -NE 'False' } | ForEach-Object Type)
    if (-not $inputs) { $inputs = @('None') }
    foreach ($type in $inputs) { $text.AddRange([string[]]@("### $type", '{{ What comes from the pipeline. }}', '')) }
    $text.AddRange([string[]]@('## OUTPUTS', ''))
    $outputs = @($Command.OutputType | ForEach-Object Name | Select-Object -Unique)
    if (-not $outputs) { $outputs = @('None') }
    foreach ($type in $outputs) { $text.AddRange([string[]]@("### $type", '{{ What is written to the pipeline. }}', '')) }
    $text.AddRange([string[]]@('## NOTES', '{{ Notes, or delete the text. }}', '', '## RELATED LINKS', '', '[about_ConfigCat](about_ConfigCat.md)', ''))
    Set-Content -LiteralPath $Destination -Value ($text -join "`n") -Encoding utf8NoBOM
}
