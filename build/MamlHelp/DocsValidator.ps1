# Checks that the docs and the cmdlets agree: a page against its cmdlet, the module page against the cmdlet list.

function Test-PageAgainstCode {
    <#
    .SYNOPSIS
    Reports every difference between a page's SYNTAX and PARAMETERS and the cmdlet's real parameters.
    #>
    param([Parameter(Mandatory)] $Page, [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command, [Parameter(Mandatory)] $CodeParameters)

    $path = $Page.Path
    $sets = @($Command.ParameterSets)
    $expectedSyntax = [ordered]@{}
    foreach ($set in $sets) {
        $heading = if ($sets.Count -eq 1) { '' } elseif ($set.IsDefault) { "$($set.Name) (Default)" } else { $set.Name }
        $expectedSyntax[$heading] = Get-SyntaxText -Command $Command -Set $set
    }
    $documentedSets = @($Page.Syntax.Keys)
    $expectedSets = @($expectedSyntax.Keys)
    if (($documentedSets -join '|') -cne ($expectedSets -join '|')) {
        $describe = { param($names) ($names | ForEach-Object { if ($_) { "### $_" } else { '(one block, no H3)' } }) -join ', ' }
        Add-HelpProblem $path 0 "SYNTAX documents the parameter sets $(& $describe $documentedSets); the cmdlet has $(& $describe $expectedSets)."
    }
    foreach ($heading in $expectedSets) {
        if ($Page.Syntax.Contains($heading)) {
            $documented = ($Page.Syntax[$heading].Text -replace '\s+', ' ').Trim()
            if ($documented -cne ($expectedSyntax[$heading] -replace '\s+', ' ')) {
                $label = if ($heading) { "set '$heading'" } else { 'the syntax' }
                Add-HelpProblem $path $Page.Syntax[$heading].Line "SYNTAX of $label differs from the cmdlet. It must be:`n$($expectedSyntax[$heading])"
            }
        }
    }

    foreach ($name in $CodeParameters.Keys) {
        if (-not $Page.Parameters.Contains($name)) {
            Add-HelpProblem $path 0 "parameter -$name exists in $($Command.Name) but is not documented under PARAMETERS. Add:`n### -$name`n<description>`n`n$((Get-ParameterYaml -Code $CodeParameters[$name]) -join "`n`n")"
        }
    }
    foreach ($name in $Page.Parameters.Keys) {
        $documented = $Page.Parameters[$name]
        if (-not $CodeParameters.Contains($name)) {
            Add-HelpProblem $path $documented.Line "parameter -$name is documented but $($Command.Name) has no such parameter."
            continue
        }
        $code = $CodeParameters[$name]
        if ($code.Name -cne $name) {
            Add-HelpProblem $path $documented.Line "parameter -$name is spelled -$($code.Name) in the code."
        }
        if (-not $documented.Description) {
            Add-HelpProblem $path $documented.Line "parameter -$name has no description."
        }
        if ($documented.Yaml.Count -ne $code.Groups.Count) {
            Add-HelpProblem $path $documented.Line "parameter -$name needs $($code.Groups.Count) yaml block(s), one per group of parameter sets with the same metadata ($(($code.Groups | ForEach-Object SetsText) -join ' / ')); it has $($documented.Yaml.Count)."
            continue
        }
        for ($i = 0; $i -lt $code.Groups.Count; $i++) {
            $group = $code.Groups[$i]
            $yaml = $documented.Yaml[$i]
            $expected = [ordered]@{
                'Type'                       = $code.Type
                'Parameter Sets'             = $group.SetsText
                'Aliases'                    = $code.Aliases -join ', '
                'Accepted values'            = $code.AcceptedValues -join ', '
                'Required'                   = "$($group.Required)"
                'Position'                   = $group.Position
                'Accept pipeline input'      = $group.Pipeline
                'Accept wildcard characters' = "$($code.Globbing)"
            }
            if ($null -ne $code.Default) { $expected['Default value'] = $code.Default }
            foreach ($key in $expected.Keys) {
                $actual = if ($yaml.Values.Contains($key)) { $yaml.Values[$key] } else { '' }
                $want = $expected[$key]
                $same = if ($key -in 'Parameter Sets', 'Aliases', 'Accepted values') {
                    ((@($actual -split ',\s*' | Where-Object { $_ }) | Sort-Object) -join ',') -eq ((@($want -split ',\s*' | Where-Object { $_ }) | Sort-Object) -join ',')
                }
                else { $actual -eq $want }
                if (-not $same) {
                    Add-HelpProblem $path $yaml.Line "parameter -${name}: '${key}: $actual' differs from the code; it must be '${key}: $want'."
                }
            }
            if (-not $yaml.Values.Contains('Default value')) {
                Add-HelpProblem $path $yaml.Line "parameter -${name}: the yaml block has no 'Default value:' line (write None when there is none)."
            }
        }
    }
}

function Test-ModulePage {
    <#
    .SYNOPSIS
    The platyPS module page (docs/en-US/<Module>.md) lists every cmdlet, linked to its page, with the page's synopsis.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [hashtable] $Synopses, [Parameter(Mandatory)] [string] $ModuleName)

    $document = Read-MarkdownFile -Path $Path
    if ($document.FrontMatter['Module Name'] -ne $ModuleName) {
        Add-HelpProblem $Path 1 "the module page's front matter must say 'Module Name: $ModuleName'."
    }
    $listed = @{}
    $blocks = @($document.Blocks)
    for ($i = 0; $i -lt $blocks.Count; $i++) {
        if ($blocks[$i].Kind -eq 'Heading' -and $blocks[$i].Level -eq 3) {
            if ($blocks[$i].Text -notmatch '^\[([\w-]+)\]\(([\w-]+)\.md\)$' -or $Matches[1] -cne $Matches[2]) {
                Add-HelpProblem $Path $blocks[$i].Line "a cmdlet entry is '### [Name](Name.md)'."
                continue
            }
            $name = $Matches[1]
            $text = if ($i + 1 -lt $blocks.Count -and $blocks[$i + 1].Kind -eq 'Text') { (ConvertTo-Paragraph $blocks[$i + 1].Text) -join ' ' } else { '' }
            $listed[$name] = $true
            if (-not $Synopses.ContainsKey($name)) {
                Add-HelpProblem $Path $blocks[$i].Line "lists $name, which is not a cmdlet of the module."
            }
            elseif ($Synopses[$name] -and $text -ne ($Synopses[$name] -join ' ')) {
                Add-HelpProblem $Path $blocks[$i].Line "the text under $name must be its SYNOPSIS: $($Synopses[$name] -join ' ')"
            }
        }
    }
    foreach ($name in $Synopses.Keys | Sort-Object) {
        if (-not $listed.ContainsKey($name)) {
            Add-HelpProblem $Path 0 "does not list $name; add '### [$name]($name.md)' with its synopsis."
        }
    }
}
