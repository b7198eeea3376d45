<#
.SYNOPSIS
Writes the module's MAML help and about_ topics from docs/en-US/*.md without platyPS, and fails when the docs and the
cmdlets disagree.
.DESCRIPTION
The docs are platyPS 0.14 markdown (schema 2.0.0), so real platyPS can rebuild the same help elsewhere. This script
is the build's stand-in for `New-ExternalHelp`:

- prose (synopsis, description, examples, parameter descriptions, inputs, outputs, notes, related links) comes from
  the markdown, read with platyPS 0.14's rules: lines of a paragraph are joined, a blank line starts a new paragraph,
  list items keep their own lines, `[text](url)` becomes `text (url)`;
- structure (parameter sets, types, Mandatory, Position, pipeline input, aliases, accepted enum values) comes from
  the built cmdlets through Get-Command, so it cannot drift from the code.

It fails, listing every problem with its file and line, when a cmdlet has no doc, a doc has no cmdlet, a documented
parameter does not exist or an existing one is not documented, a parameter's yaml block or a SYNTAX block differs
from the code, or a doc breaks the platyPS 0.14 layout (for example a code block in DESCRIPTION, which platyPS
rejects). Errors say what the doc should contain.

build.ps1 Build runs it in a child pwsh between `dotnet build` and staging, because importing the freshly built dll
would lock it in the build process. It writes <OutputPath>/<assembly file name>-Help.xml and one
about_*.help.txt per docs/en-US/about_*.md.
.PARAMETER AssemblyPath
The built module assembly (src/ConfigCat.PowerShell/bin/<Configuration>/netstandard2.0/ConfigCat.PowerShell.dll).
.PARAMETER DocsPath
The folder of the markdown docs (docs/en-US).
.PARAMETER OutputPath
Where to write the help files (out/help/en-US); emptied first.
.PARAMETER ModuleName
The module name that the docs' `Module Name:` front matter must carry.
.EXAMPLE
dotnet pwsh -NoProfile -File build/New-MamlHelp.ps1 -AssemblyPath src/ConfigCat.PowerShell/bin/Release/netstandard2.0/ConfigCat.PowerShell.dll -DocsPath docs/en-US -OutputPath out/help/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $AssemblyPath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [string] $ModuleName = 'ConfigCat'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The H2 sections of a cmdlet page, in platyPS 0.14 order; each is required.
$SectionOrder = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$YamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Accepted values', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters')
$AllSetsMoniker = '(All)'
$SyntaxWidth = 110
$OnlineLinkText = 'Online Version:'
$OnlineBase = 'https://github.com/configcat-powershell/ConfigCat/blob/main/docs/en-US/'
$CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'
$Namespaces = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

$script:Problems = [Collections.Generic.List[string]]::new()

function Add-Problem {
    param([string] $File, [int] $Line, [string] $Message)
    $where = if ($Line -gt 0) { "$([IO.Path]::GetFileName($File)):$Line" } else { [IO.Path]::GetFileName($File) }
    $script:Problems.Add("${where}: $Message")
}

#region Markdown reading

function Read-MarkdownFile {
    <#
    .SYNOPSIS
    Splits a markdown file into front matter and a flat list of blocks: headings, text runs and fenced code blocks,
    which is all the structure platyPS 0.14 knows.
    #>
    param([Parameter(Mandatory)] [string] $Path)

    $lines = @((Get-Content -LiteralPath $Path -Raw) -split '\r?\n')
    $frontMatter = [ordered]@{}
    $index = 0
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        $index = 1
        while ($index -lt $lines.Count -and $lines[$index] -ne '---') {
            if ($lines[$index].Trim()) {
                $key, $value = $lines[$index] -split ':', 2
                $frontMatter[$key.Trim()] = if ($null -eq $value) { '' } else { $value.Trim() }
            }
            $index++
        }
        $index++
    }

    $blocks = [Collections.Generic.List[object]]::new()
    $text = $null
    while ($index -lt $lines.Count) {
        $line = $lines[$index]
        $lineNumber = $index + 1
        if ($line -match '^```(\S*)\s*$') {
            $text = $null
            $language = $Matches[1]
            $code = [Collections.Generic.List[string]]::new()
            $index++
            while ($index -lt $lines.Count -and $lines[$index] -notmatch '^```\s*$') {
                $code.Add($lines[$index])
                $index++
            }
            if ($index -ge $lines.Count) {
                Add-Problem $Path $lineNumber 'code block is not closed with ```.'
            }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Level = 0; Text = ($code -join "`n"); Lines = $code.ToArray(); Language = $language; Line = $lineNumber })
        }
        elseif ($line -match '^(#{1,6})\s+(.+?)\s*$') {
            $text = $null
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Text = $Matches[2]; Lines = @(); Language = ''; Line = $lineNumber })
        }
        elseif ($null -ne $text) {
            $text.Lines.Add($line)
        }
        elseif ($line.Trim()) {
            $text = [pscustomobject]@{ Kind = 'Text'; Level = 0; Text = ''; Lines = [Collections.Generic.List[string]]::new(); Language = ''; Line = $lineNumber }
            $text.Lines.Add($line)
            $blocks.Add($text)
        }
        $index++
    }
    foreach ($block in $blocks) {
        if ($block.Kind -eq 'Text') {
            $block.Text = ($block.Lines -join "`n").Trim()
        }
    }
    [pscustomobject]@{ Path = $Path; FrontMatter = $frontMatter; Blocks = $blocks.ToArray() }
}

function ConvertFrom-MarkdownInline {
    <#
    .SYNOPSIS
    Inline markdown to help text as platyPS 0.14 does it: links become "text (url)", bold and italic markers go,
    backslash escapes are unwound; backticks stay.
    #>
    param([string] $Text)

    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]*)\)', { param($m) if ($m.Groups[2].Value) { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } else { $m.Groups[1].Value } })
    $Text = [regex]::Replace($Text, '\*\*(.+?)\*\*', '$1')
    $Text = [regex]::Replace($Text, '(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])', '$1')
    [regex]::Replace($Text, '\\([\[\]()`<>_*\\])', '$1')
}

function ConvertTo-Paragraph {
    <#
    .SYNOPSIS
    The paragraphs of a text block: lines joined with spaces, a blank line ends a paragraph, and each list item
    ("- ", "* " or "1. ") is a paragraph of its own with its continuation lines joined to it.
    #>
    param([AllowEmptyString()] [string] $Text)

    $paragraphs = [Collections.Generic.List[string]]::new()
    $current = $null
    foreach ($line in ($Text -split '\n')) {
        $trimmed = $line.Trim()
        if (-not $trimmed) {
            if ($null -ne $current) { $paragraphs.Add($current) }
            $current = $null
        }
        elseif ($trimmed -match '^([-*]|\d+\.)\s+') {
            if ($null -ne $current) { $paragraphs.Add($current) }
            $current = $trimmed
        }
        elseif ($null -ne $current) {
            $current = "$current $trimmed"
        }
        else {
            $current = $trimmed
        }
    }
    if ($null -ne $current) { $paragraphs.Add($current) }
    @($paragraphs | ForEach-Object { ConvertFrom-MarkdownInline $_ })
}

#endregion

#region Cmdlet pages

function Split-Section {
    <#
    .SYNOPSIS
    Checks the platyPS page skeleton (front matter, H1 name, the H2 sections in order) and returns the blocks of each
    section by name.
    #>
    param([Parameter(Mandatory)] $Document, [Parameter(Mandatory)] [string] $ExpectedName, [Parameter(Mandatory)] [string] $HelpFileName)

    $path = $Document.Path
    $expectedFrontMatter = [ordered]@{
        'external help file' = $HelpFileName
        'Module Name'        = $ModuleName
        'online version'     = $null
        'schema'             = '2.0.0'
    }
    foreach ($key in $expectedFrontMatter.Keys) {
        if (-not $Document.FrontMatter.Contains($key)) {
            Add-Problem $path 1 "the front matter has no '${key}:' line."
        }
        elseif ($null -ne $expectedFrontMatter[$key] -and $Document.FrontMatter[$key] -ne $expectedFrontMatter[$key]) {
            Add-Problem $path 1 "the front matter says '${key}: $($Document.FrontMatter[$key])'; it must be '${key}: $($expectedFrontMatter[$key])'."
        }
    }

    $blocks = @($Document.Blocks)
    $sections = [ordered]@{}
    if ($blocks.Count -eq 0 -or $blocks[0].Kind -ne 'Heading' -or $blocks[0].Level -ne 1) {
        Add-Problem $path 0 "the page must start with the H1 '# $ExpectedName'."
        return $sections
    }
    if ($blocks[0].Text -cne $ExpectedName) {
        Add-Problem $path $blocks[0].Line "the H1 is '$($blocks[0].Text)'; it must be the cmdlet name '$ExpectedName'."
    }

    $current = $null
    foreach ($block in $blocks | Select-Object -Skip 1) {
        if ($block.Kind -eq 'Heading' -and $block.Level -le 2) {
            $name = $block.Text.ToUpperInvariant()
            if ($block.Level -eq 1 -or $name -notin $SectionOrder) {
                Add-Problem $path $block.Line "unexpected heading '$($block.Text)'; a platyPS page has one H1 and the H2 sections $($SectionOrder -join ', ')."
                $current = $null
                continue
            }
            if ($sections.Contains($name)) {
                Add-Problem $path $block.Line "the section $name appears twice."
            }
            $current = [Collections.Generic.List[object]]::new()
            $sections[$name] = [pscustomobject]@{ Heading = $block; Blocks = $current }
        }
        elseif ($null -ne $current) {
            $current.Add($block)
        }
        else {
            Add-Problem $path $block.Line 'content before the first H2 section.'
        }
    }

    $present = @($sections.Keys)
    $missing = @($SectionOrder | Where-Object { $_ -notin $present })
    if ($missing) {
        Add-Problem $path 0 "missing sections: $($missing -join ', ') (platyPS 0.14 writes all of $($SectionOrder -join ', '))."
    }
    $order = @($SectionOrder | Where-Object { $_ -in $present })
    if (($present -join '|') -ne ($order -join '|')) {
        Add-Problem $path 0 "sections are out of order: $($present -join ', '); expected $($order -join ', ')."
    }
    $sections
}

function Get-SectionText {
    <#
    .SYNOPSIS
    The paragraphs of a text-only section (SYNOPSIS, DESCRIPTION, NOTES, an input or output type), where platyPS 0.14
    accepts neither code blocks nor sub-headings.
    #>
    param([string] $Path, [string] $Name, [object[]] $Blocks, [switch] $Required)

    $paragraphs = @()
    foreach ($block in $Blocks) {
        if ($block.Kind -eq 'Text') {
            $paragraphs += ConvertTo-Paragraph $block.Text
        }
        else {
            Add-Problem $Path $block.Line "$Name may hold only text: platyPS 0.14 rejects a $($block.Kind.ToLowerInvariant()) here."
        }
    }
    if ($Required -and -not $paragraphs) {
        Add-Problem $Path 0 "$Name is empty."
    }
    , $paragraphs
}

function Read-CommandPage {
    <#
    .SYNOPSIS
    Reads a cmdlet page into the prose that goes into MAML, reporting layout problems.
    #>
    param([Parameter(Mandatory)] $Document, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $HelpFileName)

    $path = $Document.Path
    foreach ($block in $Document.Blocks) {
        if ($block.Text -match '\{\{') {
            Add-Problem $path $block.Line 'a {{ placeholder }} is still there; write the text.'
        }
    }
    $sections = Split-Section -Document $Document -ExpectedName $Name -HelpFileName $HelpFileName
    function blocksOf([string] $section) { if ($sections.Contains($section)) { @($sections[$section].Blocks) } else { @() } }

    $page = [pscustomobject]@{
        Path          = $path
        Name          = $Name
        OnlineVersion = $Document.FrontMatter['online version']
        Synopsis      = Get-SectionText $path 'SYNOPSIS' (blocksOf 'SYNOPSIS') -Required
        Description   = Get-SectionText $path 'DESCRIPTION' (blocksOf 'DESCRIPTION') -Required
        Notes         = Get-SectionText $path 'NOTES' (blocksOf 'NOTES')
        Syntax        = [ordered]@{}
        Examples      = [Collections.Generic.List[object]]::new()
        Parameters    = [ordered]@{}
        HasCommonParameters = $false
        Inputs        = [Collections.Generic.List[object]]::new()
        Outputs       = [Collections.Generic.List[object]]::new()
        Links         = [Collections.Generic.List[object]]::new()
    }

    # SYNTAX: one fenced block, or an H3 per parameter set (the default one marked " (Default)") and its block.
    $setName = $null
    foreach ($block in blocksOf 'SYNTAX') {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            $setName = $block.Text
        }
        elseif ($block.Kind -eq 'Code') {
            $key = if ($null -eq $setName) { '' } else { $setName }
            $page.Syntax[$key] = [pscustomobject]@{ Text = $block.Text; Line = $block.Line }
            $setName = $null
        }
        else {
            Add-Problem $path $block.Line 'SYNTAX holds only an H3 per parameter set, each followed by a fenced syntax block.'
        }
    }

    # EXAMPLES: "### Example N: title", optional introduction, one or more code blocks, optional remarks.
    $example = $null
    foreach ($block in blocksOf 'EXAMPLES') {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            $example = [pscustomobject]@{ Title = $block.Text; Introduction = @(); Code = [Collections.Generic.List[string]]::new(); Remarks = @(); Line = $block.Line }
            $page.Examples.Add($example)
        }
        elseif ($null -eq $example -or $block.Kind -eq 'Heading') {
            Add-Problem $path $block.Line 'EXAMPLES holds only "### Example N: title" headings, each followed by code and its explanation.'
        }
        elseif ($block.Kind -eq 'Code') {
            if ($example.Remarks) {
                Add-Problem $path $block.Line "example '$($example.Title)' has a code block after its explanation; platyPS 0.14 rejects that. Put all code first."
            }
            $example.Code.Add($block.Text)
        }
        elseif ($example.Code.Count -eq 0) {
            $example.Introduction += ConvertTo-Paragraph $block.Text
        }
        else {
            $example.Remarks += ConvertTo-Paragraph $block.Text
        }
    }
    foreach ($item in $page.Examples) {
        if ($item.Code.Count -eq 0) {
            Add-Problem $path $item.Line "example '$($item.Title)' has no code block."
        }
        if (-not $item.Remarks) {
            Add-Problem $path $item.Line "example '$($item.Title)' does not explain its code (text after the code block)."
        }
    }

    # PARAMETERS: "### -Name", description (text, or code other than yaml), then one yaml block per distinct metadata.
    $parameter = $null
    foreach ($block in blocksOf 'PARAMETERS') {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
            if ($block.Text -eq 'CommonParameters') {
                $page.HasCommonParameters = $true
                $parameter = $null
                continue
            }
            if ($block.Text -notmatch '^-(\w+)$') {
                Add-Problem $path $block.Line "parameter heading '$($block.Text)' must be '### -Name' (or '### CommonParameters')."
                $parameter = $null
                continue
            }
            $parameter = [pscustomobject]@{ Name = $Matches[1]; Description = @(); Yaml = [Collections.Generic.List[object]]::new(); Line = $block.Line }
            if ($page.Parameters.Contains($parameter.Name)) {
                Add-Problem $path $block.Line "parameter -$($parameter.Name) is documented twice."
            }
            $page.Parameters[$parameter.Name] = $parameter
        }
        elseif ($null -eq $parameter) {
            if (-not $page.HasCommonParameters -or $block.Kind -ne 'Text') {
                Add-Problem $path $block.Line 'PARAMETERS holds only "### -Name" entries and "### CommonParameters".'
            }
        }
        elseif ($block.Kind -eq 'Code' -and $block.Language -eq 'yaml') {
            $values = [ordered]@{}
            foreach ($line in $block.Lines) {
                if (-not $line.Trim()) { continue }
                $key, $value = $line -split ':', 2
                $key = $key.Trim()
                if ($null -eq $value -or $key -notin $YamlKeys) {
                    Add-Problem $path $block.Line "parameter -$($parameter.Name): '$line' is not one of the yaml keys $($YamlKeys -join ', ')."
                    continue
                }
                $values[$key] = $value.Trim()
            }
            $parameter.Yaml.Add([pscustomobject]@{ Values = $values; Line = $block.Line })
        }
        elseif ($parameter.Yaml.Count -gt 0) {
            Add-Problem $path $block.Line "parameter -$($parameter.Name): its description must come before its yaml block."
        }
        elseif ($block.Kind -eq 'Code') {
            $parameter.Description += @($block.Lines)
        }
        else {
            $parameter.Description += ConvertTo-Paragraph $block.Text
        }
    }
    if (-not $page.HasCommonParameters) {
        Add-Problem $path 0 'PARAMETERS must end with "### CommonParameters" (every cmdlet supports them).'
    }

    foreach ($pair in @(@('INPUTS', $page.Inputs), @('OUTPUTS', $page.Outputs))) {
        $section, $list = $pair
        $type = $null
        foreach ($block in blocksOf $section) {
            if ($block.Kind -eq 'Heading' -and $block.Level -eq 3) {
                $type = [pscustomobject]@{ TypeName = $block.Text; Description = @() }
                $list.Add($type)
            }
            elseif ($null -ne $type -and $block.Kind -eq 'Text') {
                $type.Description += ConvertTo-Paragraph $block.Text
            }
            else {
                Add-Problem $path $block.Line "$section holds an H3 per type (or ### None), each followed by text."
            }
        }
        if ($list.Count -eq 0) {
            Add-Problem $path 0 "$section names no type; write '### None' when there is none."
        }
    }

    foreach ($block in blocksOf 'RELATED LINKS') {
        if ($block.Kind -ne 'Text') {
            Add-Problem $path $block.Line 'RELATED LINKS holds only [text](url) links.'
            continue
        }
        foreach ($line in $block.Lines) {
            if (-not $line.Trim()) { continue }
            if ($line.Trim() -match '^\[([^\]]+)\]\(([^)]*)\)$') {
                $page.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] })
            }
            else {
                Add-Problem $path $block.Line "RELATED LINKS: '$line' is not a [text](url) link on a line of its own."
            }
        }
    }
    $page
}

#endregion

#region The code's view

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
        Add-Problem $path 0 "SYNTAX documents the parameter sets $(& $describe $documentedSets); the cmdlet has $(& $describe $expectedSets)."
    }
    foreach ($heading in $expectedSets) {
        if ($Page.Syntax.Contains($heading)) {
            $documented = ($Page.Syntax[$heading].Text -replace '\s+', ' ').Trim()
            if ($documented -cne ($expectedSyntax[$heading] -replace '\s+', ' ')) {
                $label = if ($heading) { "set '$heading'" } else { 'the syntax' }
                Add-Problem $path $Page.Syntax[$heading].Line "SYNTAX of $label differs from the cmdlet. It must be:`n$($expectedSyntax[$heading])"
            }
        }
    }

    foreach ($name in $CodeParameters.Keys) {
        if (-not $Page.Parameters.Contains($name)) {
            Add-Problem $path 0 "parameter -$name exists in $($Command.Name) but is not documented under PARAMETERS. Add:`n### -$name`n<description>`n`n$((Get-ParameterYaml -Code $CodeParameters[$name]) -join "`n`n")"
        }
    }
    foreach ($name in $Page.Parameters.Keys) {
        $documented = $Page.Parameters[$name]
        if (-not $CodeParameters.Contains($name)) {
            Add-Problem $path $documented.Line "parameter -$name is documented but $($Command.Name) has no such parameter."
            continue
        }
        $code = $CodeParameters[$name]
        if ($code.Name -cne $name) {
            Add-Problem $path $documented.Line "parameter -$name is spelled -$($code.Name) in the code."
        }
        if (-not $documented.Description) {
            Add-Problem $path $documented.Line "parameter -$name has no description."
        }
        if ($documented.Yaml.Count -ne $code.Groups.Count) {
            Add-Problem $path $documented.Line "parameter -$name needs $($code.Groups.Count) yaml block(s), one per group of parameter sets with the same metadata ($(($code.Groups | ForEach-Object SetsText) -join ' / ')); it has $($documented.Yaml.Count)."
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
                    Add-Problem $path $yaml.Line "parameter -${name}: '${key}: $actual' differs from the code; it must be '${key}: $want'."
                }
            }
            if (-not $yaml.Values.Contains('Default value')) {
                Add-Problem $path $yaml.Line "parameter -${name}: the yaml block has no 'Default value:' line (write None when there is none)."
            }
        }
    }
}


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
    and {{ }} placeholders for the prose (the build rejects pages that still contain them).
    #>
    param([Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command, [Parameter(Mandatory)] $CodeParameters, [Parameter(Mandatory)] [string] $Destination, [Parameter(Mandatory)] [string] $HelpFileName)

    $sets = @($Command.ParameterSets)
    $text = [Collections.Generic.List[string]]::new()
    $text.AddRange([string[]]@('---', "external help file: $HelpFileName", "Module Name: $ModuleName", "online version: $OnlineBase$($Command.Name).md", 'schema: 2.0.0', '---', '', "# $($Command.Name)", '', '## SYNOPSIS', '{{ One sentence: what the cmdlet does. }}', '', '## SYNTAX', ''))
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

#endregion

#region MAML

function Write-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs)
    foreach ($paragraph in $Paragraphs) {
        $Writer.WriteElementString('maml', 'para', $Namespaces.maml, $paragraph)
    }
}

function Write-MamlParameter {
    param([System.Xml.XmlWriter] $Writer, $Code, $Group, $Documented, [switch] $InSyntax)

    $values = $Documented.Yaml[$Group.Index].Values
    $default = if ($values.Contains('Default value') -and $values['Default value']) { $values['Default value'] } else { 'None' }
    if ($Code.IsSwitch -and $default -eq 'None') { $default = 'False' }

    $Writer.WriteStartElement('command', 'parameter', $Namespaces.command)
    $Writer.WriteAttributeString('required', "$($Group.Required)".ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', "$($Code.Globbing)".ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Group.Pipeline)
    $Writer.WriteAttributeString('position', $Group.Position.ToLowerInvariant())
    $Writer.WriteAttributeString('aliases', $(if ($Code.Aliases) { $Code.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $Code.Name)
    $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
    Write-Paragraphs $Writer $Documented.Description
    $Writer.WriteEndElement()
    if ($InSyntax -and $Code.AcceptedValues) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Namespaces.command)
        foreach ($value in $Code.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $Namespaces.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($InSyntax -and $Code.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $Namespaces.command)
        $Writer.WriteAttributeString('required', "$(-not $Code.IsSwitch)".ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Code.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
    $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $Code.Type)
    $Writer.WriteElementString('maml', 'uri', $Namespaces.maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $Namespaces.dev, $default)
    $Writer.WriteEndElement()
}

function Get-ExampleTitle {
    <#
    .SYNOPSIS
    Pads an example title with dashes to 64 characters, as platyPS does, so Get-Help shows it as a banner.
    #>
    param([string] $Title)
    if ([string]::IsNullOrWhiteSpace($Title) -or $Title.Length -ge 62) { return $Title }
    $pad = [int][Math]::Floor((64 - $Title.Length - 2) / 2)
    ('-' * $pad) + " $Title " + ('-' * $pad)
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, $Page, [System.Management.Automation.CmdletInfo] $Command, $CodeParameters)

    $Writer.WriteStartElement('command', 'command', $Namespaces.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
        $Writer.WriteAttributeString('xmlns', $prefix, $null, $Namespaces[$prefix])
    }

    $Writer.WriteStartElement('command', 'details', $Namespaces.command)
    $Writer.WriteElementString('command', 'name', $Namespaces.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $Namespaces.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $Namespaces.command, $Command.Noun)
    $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
    Write-Paragraphs $Writer $Page.Synopsis
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
    Write-Paragraphs $Writer $Page.Description
    $Writer.WriteEndElement()

    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $Writer.WriteStartElement('command', 'syntax', $Namespaces.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Namespaces.command)
        $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $Command.Name)
        foreach ($parameter in $set.Parameters) {
            if ($parameter.Name -in $common) { continue }
            $code = $CodeParameters[$parameter.Name]
            $group = $code.Groups | Where-Object { $_.Sets -contains $set.Name }
            Write-MamlParameter -Writer $Writer -Code $code -Group $group -Documented $Page.Parameters[$parameter.Name] -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $Namespaces.command)
    foreach ($name in $Page.Parameters.Keys) {
        $code = $CodeParameters[$name]
        Write-MamlParameter -Writer $Writer -Code $code -Group $code.Groups[0] -Documented $Page.Parameters[$name]
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@('inputTypes', 'inputType', $Page.Inputs), @('returnValues', 'returnValue', $Page.Outputs))) {
        $Writer.WriteStartElement('command', $kind[0], $Namespaces.command)
        foreach ($item in $kind[2]) {
            $Writer.WriteStartElement('command', $kind[1], $Namespaces.command)
            $Writer.WriteStartElement('dev', 'type', $Namespaces.dev)
            $Writer.WriteElementString('maml', 'name', $Namespaces.maml, $item.TypeName)
            $Writer.WriteEndElement()
            $Writer.WriteStartElement('maml', 'description', $Namespaces.maml)
            Write-Paragraphs $Writer $item.Description
            $Writer.WriteEndElement()
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $Namespaces.maml)
    $Writer.WriteStartElement('maml', 'alert', $Namespaces.maml)
    Write-Paragraphs $Writer $Page.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $Namespaces.command)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $Namespaces.command)
        $Writer.WriteElementString('maml', 'title', $Namespaces.maml, (Get-ExampleTitle $example.Title))
        $Writer.WriteElementString('dev', 'code', $Namespaces.dev, ($example.Code -join "`n`n"))
        $Writer.WriteStartElement('dev', 'remarks', $Namespaces.dev)
        Write-Paragraphs $Writer (@($example.Introduction) + @($example.Remarks))
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Like platyPS: the front matter's online version comes first (Get-Help -Online opens it); links that are not
    # absolute URIs (relative links between the markdown pages) keep their text and get an empty uri.
    $links = @()
    if ($Page.OnlineVersion) { $links += [pscustomobject]@{ Text = $OnlineLinkText; Uri = $Page.OnlineVersion } }
    $links += $Page.Links
    $Writer.WriteStartElement('command', 'relatedLinks', $Namespaces.command)
    foreach ($link in $links) {
        $uri = $null
        $absolute = [Uri]::TryCreate($link.Uri, [UriKind]::Absolute, [ref]$uri)
        $Writer.WriteStartElement('maml', 'navigationLink', $Namespaces.maml)
        $Writer.WriteElementString('maml', 'linkText', $Namespaces.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $Namespaces.maml, $(if ($absolute) { $link.Uri } else { '' }))
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

#region about_ topics and the module page

function ConvertTo-WrappedLine {
    <#
    .SYNOPSIS
    Wraps text at 80 characters with the given indentation; list items get a hanging indent.
    #>
    param([string] $Text, [string] $Indent = '    ', [int] $Width = 80)

    $hanging = if ($Text -match '^([-*]|\d+\.)\s+') { $Indent + (' ' * $Matches[0].Length) } else { $Indent }
    $lines = [Collections.Generic.List[string]]::new()
    $line = $Indent
    foreach ($word in ($Text -split ' ' | Where-Object { $_ })) {
        if ($line.Trim() -and ($line.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($line)
            $line = $hanging + $word
        }
        elseif ($line.Trim()) {
            $line = "$line $word"
        }
        else {
            $line = $line + $word
        }
    }
    if ($line.Trim()) { $lines.Add($line) }
    $lines
}

function Convert-AboutTopic {
    <#
    .SYNOPSIS
    Renders an about_*.md (platyPS about template: "# Topic", "## about_Name", then "# SHORT DESCRIPTION" and so on)
    into the plain text that Get-Help about_Name shows, following platyPS's TextRenderer layout.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Destination)

    $document = Read-MarkdownFile -Path $Path
    $name = [IO.Path]::GetFileNameWithoutExtension($Path)
    $blocks = @($document.Blocks)
    if ($blocks.Count -lt 2 -or $blocks[0].Kind -ne 'Heading' -or $blocks[0].Level -ne 1 -or $blocks[1].Kind -ne 'Heading' -or $blocks[1].Level -ne 2 -or $blocks[1].Text -cne $name) {
        Add-Problem $Path 0 "an about topic starts with '# <Topic name>' and then '## $name', as platyPS's about template does."
        return
    }
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if (-not ($blocks | Where-Object { $_.Kind -eq 'Heading' -and $_.Level -eq 1 -and $_.Text -eq $required })) {
            Add-Problem $Path 0 "the about topic has no '# $required' section."
        }
    }

    $out = [Collections.Generic.List[string]]::new()
    $out.Add('TOPIC')
    $out.Add("    $($name.ToLowerInvariant())")
    $out.Add('')
    foreach ($block in $blocks | Select-Object -Skip 2) {
        switch ($block.Kind) {
            'Heading' {
                if ($block.Level -eq 1) { $out.Add($block.Text.ToUpperInvariant()) }
                elseif ($block.Level -eq 2) { $out.Add($block.Text) }
                else { $out.Add('    ' + $block.Text.ToUpperInvariant()) }
            }
            'Text' {
                $previousIsItem = $false
                foreach ($paragraph in ConvertTo-Paragraph $block.Text) {
                    $isItem = $paragraph -match '^([-*]|\d+\.)\s+'
                    if ($previousIsItem -and -not $isItem) { $out.Add('') }
                    foreach ($line in ConvertTo-WrappedLine $paragraph) { $out.Add($line) }
                    if (-not $isItem) { $out.Add('') }
                    $previousIsItem = $isItem
                }
                if ($out[$out.Count - 1] -ne '') { $out.Add('') }
            }
            'Code' {
                foreach ($line in $block.Lines) { $out.Add(('    ' + $line).TrimEnd()) }
                $out.Add('')
            }
        }
    }
    Set-Content -LiteralPath $Destination -Value (($out -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine) -Encoding utf8 -NoNewline
}

function Test-ModulePage {
    <#
    .SYNOPSIS
    The platyPS module page (docs/en-US/<Module>.md) lists every cmdlet, linked to its page, with the page's synopsis.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [hashtable] $Synopses)

    $document = Read-MarkdownFile -Path $Path
    if ($document.FrontMatter['Module Name'] -ne $ModuleName) {
        Add-Problem $Path 1 "the module page's front matter must say 'Module Name: $ModuleName'."
    }
    $listed = @{}
    $blocks = @($document.Blocks)
    for ($i = 0; $i -lt $blocks.Count; $i++) {
        if ($blocks[$i].Kind -eq 'Heading' -and $blocks[$i].Level -eq 3) {
            if ($blocks[$i].Text -notmatch '^\[([\w-]+)\]\(([\w-]+)\.md\)$' -or $Matches[1] -cne $Matches[2]) {
                Add-Problem $Path $blocks[$i].Line "a cmdlet entry is '### [Name](Name.md)'."
                continue
            }
            $name = $Matches[1]
            $text = if ($i + 1 -lt $blocks.Count -and $blocks[$i + 1].Kind -eq 'Text') { (ConvertTo-Paragraph $blocks[$i + 1].Text) -join ' ' } else { '' }
            $listed[$name] = $true
            if (-not $Synopses.ContainsKey($name)) {
                Add-Problem $Path $blocks[$i].Line "lists $name, which is not a cmdlet of the module."
            }
            elseif ($Synopses[$name] -and $text -ne ($Synopses[$name] -join ' ')) {
                Add-Problem $Path $blocks[$i].Line "the text under $name must be its SYNOPSIS: $($Synopses[$name] -join ' ')"
            }
        }
    }
    foreach ($name in $Synopses.Keys | Sort-Object) {
        if (-not $listed.ContainsKey($name)) {
            Add-Problem $Path 0 "does not list $name; add '### [$name]($name.md)' with its synopsis."
        }
    }
}

#endregion

$AssemblyPath = (Resolve-Path -LiteralPath $AssemblyPath).Path
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).Path
$helpFileName = [IO.Path]::GetFileName($AssemblyPath) + '-Help.xml'

$skeletonFolder = Join-Path (Split-Path -Parent $OutputPath) 'new-pages'
if (Test-Path -LiteralPath $skeletonFolder) {
    Remove-Item -LiteralPath $skeletonFolder -Recurse -Force
}

$module = Import-Module -Name $AssemblyPath -PassThru
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)

$markdownFiles = @(Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Sort-Object Name)
$aboutFiles = @($markdownFiles | Where-Object Name -Like 'about_*.md')
$modulePage = $markdownFiles | Where-Object Name -EQ "$ModuleName.md"
$commandFiles = @($markdownFiles | Where-Object { $_.Name -notlike 'about_*.md' -and $_.Name -ne "$ModuleName.md" })

$commandNames = @($commands | ForEach-Object Name)
foreach ($file in $commandFiles) {
    if ($file.BaseName -cnotin $commandNames) {
        Add-Problem $file.FullName 0 "documents '$($file.BaseName)', but the module has no such cmdlet (cmdlets: $($commandNames -join ', '))."
    }
}

$pages = [ordered]@{}
foreach ($command in $commands) {
    $file = $commandFiles | Where-Object { $_.BaseName -ceq $command.Name }
    if (-not $file) {
        $skeletonDirectory = New-Item -ItemType Directory -Path $skeletonFolder -Force
        $skeleton = Join-Path $skeletonDirectory.FullName "$($command.Name).md"
        New-PageSkeleton -Command $command -CodeParameters (Get-CodeParameter -Command $command) -Destination $skeleton -HelpFileName $helpFileName
        Add-Problem (Join-Path $DocsPath "$($command.Name).md") 0 "$($command.Name) has no help page. A skeleton with its SYNTAX and parameter yaml from the code is at ${skeleton}: copy it to docs/en-US/, replace every {{ }} placeholder and list the cmdlet in docs/en-US/$ModuleName.md."
        continue
    }
    $page = Read-CommandPage -Document (Read-MarkdownFile -Path $file.FullName) -Name $command.Name -HelpFileName $helpFileName
    $codeParameters = Get-CodeParameter -Command $command
    Test-PageAgainstCode -Page $page -Command $command -CodeParameters $codeParameters
    $pages[$command.Name] = [pscustomobject]@{ Page = $page; Command = $command; CodeParameters = $codeParameters }
}

if ($modulePage) {
    $synopses = @{}
    foreach ($entry in $pages.Values) { $synopses[$entry.Command.Name] = $entry.Page.Synopsis }
    foreach ($name in $commandNames) { if (-not $synopses.ContainsKey($name)) { $synopses[$name] = @() } }
    Test-ModulePage -Path $modulePage.FullName -Synopses $synopses
}
else {
    Add-Problem (Join-Path $DocsPath "$ModuleName.md") 0 'the module page is missing.'
}

if (Test-Path -LiteralPath $OutputPath) {
    Remove-Item -LiteralPath $OutputPath -Recurse -Force
}
$output = (New-Item -ItemType Directory -Path $OutputPath -Force).FullName
foreach ($about in $aboutFiles) {
    Convert-AboutTopic -Path $about.FullName -Destination (Join-Path $output ($about.BaseName + '.help.txt'))
}

if ($script:Problems.Count -gt 0) {
    [Console]::Error.WriteLine("Help generation failed: the docs in $DocsPath and the cmdlets of $([IO.Path]::GetFileName($AssemblyPath)) disagree.")
    foreach ($problem in $script:Problems) {
        [Console]::Error.WriteLine("  - $problem")
    }
    exit 1
}

$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.IndentChars = '  '
$settings.Encoding = [Text.UTF8Encoding]::new($false)
$settings.NewLineChars = "`n"
$helpPath = Join-Path $output $helpFileName
$writer = [System.Xml.XmlWriter]::Create($helpPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $Namespaces.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($entry in $pages.Values) {
        Write-MamlCommand -Writer $writer -Page $entry.Page -Command $entry.Command -CodeParameters $entry.CodeParameters
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Host "Wrote $helpPath ($($pages.Count) cmdlets) and $($aboutFiles.Count) about topic(s)."
exit 0
