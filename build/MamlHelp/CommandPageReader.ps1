# A cmdlet page in the platyPS 0.14 layout, read into the prose that goes into MAML; layout problems are recorded.

# The H2 sections of a cmdlet page, in platyPS 0.14 order; each is required.
$SectionOrder = @('SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$YamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Accepted values', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters')

function Split-Section {
    <#
    .SYNOPSIS
    Checks the platyPS page skeleton (front matter, H1 name, the H2 sections in order) and returns the blocks of each
    section by name.
    #>
    param([Parameter(Mandatory)] $Document, [Parameter(Mandatory)] [string] $ExpectedName, [Parameter(Mandatory)] [string] $HelpFileName, [Parameter(Mandatory)] [string] $ModuleName)

    $path = $Document.Path
    $expectedFrontMatter = [ordered]@{
        'external help file' = $HelpFileName
        'Module Name'        = $ModuleName
        'online version'     = $null
        'schema'             = '2.0.0'
    }
    foreach ($key in $expectedFrontMatter.Keys) {
        if (-not $Document.FrontMatter.Contains($key)) {
            Add-HelpProblem $path 1 "the front matter has no '${key}:' line."
        }
        elseif ($null -ne $expectedFrontMatter[$key] -and $Document.FrontMatter[$key] -ne $expectedFrontMatter[$key]) {
            Add-HelpProblem $path 1 "the front matter says '${key}: $($Document.FrontMatter[$key])'; it must be '${key}: $($expectedFrontMatter[$key])'."
        }
    }

    $blocks = @($Document.Blocks)
    $sections = [ordered]@{}
    if ($blocks.Count -eq 0 -or $blocks[0].Kind -ne 'Heading' -or $blocks[0].Level -ne 1) {
        Add-HelpProblem $path 0 "the page must start with the H1 '# $ExpectedName'."
        return $sections
    }
    if ($blocks[0].Text -cne $ExpectedName) {
        Add-HelpProblem $path $blocks[0].Line "the H1 is '$($blocks[0].Text)'; it must be the cmdlet name '$ExpectedName'."
    }

    $current = $null
    foreach ($block in $blocks | Select-Object -Skip 1) {
        if ($block.Kind -eq 'Heading' -and $block.Level -le 2) {
            $name = $block.Text.ToUpperInvariant()
            if ($block.Level -eq 1 -or $name -notin $SectionOrder) {
                Add-HelpProblem $path $block.Line "unexpected heading '$($block.Text)'; a platyPS page has one H1 and the H2 sections $($SectionOrder -join ', ')."
                $current = $null
                continue
            }
            if ($sections.Contains($name)) {
                Add-HelpProblem $path $block.Line "the section $name appears twice."
            }
            $current = [Collections.Generic.List[object]]::new()
            $sections[$name] = [pscustomobject]@{ Heading = $block; Blocks = $current }
        }
        elseif ($null -ne $current) {
            $current.Add($block)
        }
        else {
            Add-HelpProblem $path $block.Line 'content before the first H2 section.'
        }
    }

    $present = @($sections.Keys)
    $missing = @($SectionOrder | Where-Object { $_ -notin $present })
    if ($missing) {
        Add-HelpProblem $path 0 "missing sections: $($missing -join ', ') (platyPS 0.14 writes all of $($SectionOrder -join ', '))."
    }
    $order = @($SectionOrder | Where-Object { $_ -in $present })
    if (($present -join '|') -ne ($order -join '|')) {
        Add-HelpProblem $path 0 "sections are out of order: $($present -join ', '); expected $($order -join ', ')."
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
            Add-HelpProblem $Path $block.Line "$Name may hold only text: platyPS 0.14 rejects a $($block.Kind.ToLowerInvariant()) here."
        }
    }
    if ($Required -and -not $paragraphs) {
        Add-HelpProblem $Path 0 "$Name is empty."
    }
    , $paragraphs
}

function Read-CommandPage {
    <#
    .SYNOPSIS
    Reads a cmdlet page into the prose that goes into MAML, reporting layout problems.
    #>
    param([Parameter(Mandatory)] $Document, [Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $HelpFileName, [Parameter(Mandatory)] [string] $ModuleName)

    $path = $Document.Path
    foreach ($block in $Document.Blocks) {
        if ($block.Text -match '\{\{') {
            Add-HelpProblem $path $block.Line 'a {{ placeholder }} is still there; write the text.'
        }
    }
    $sections = Split-Section -Document $Document -ExpectedName $Name -HelpFileName $HelpFileName -ModuleName $ModuleName
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
            Add-HelpProblem $path $block.Line 'SYNTAX holds only an H3 per parameter set, each followed by a fenced syntax block.'
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
            Add-HelpProblem $path $block.Line 'EXAMPLES holds only "### Example N: title" headings, each followed by code and its explanation.'
        }
        elseif ($block.Kind -eq 'Code') {
            if ($example.Remarks) {
                Add-HelpProblem $path $block.Line "example '$($example.Title)' has a code block after its explanation; platyPS 0.14 rejects that. Put all code first."
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
            Add-HelpProblem $path $item.Line "example '$($item.Title)' has no code block."
        }
        if (-not $item.Remarks) {
            Add-HelpProblem $path $item.Line "example '$($item.Title)' does not explain its code (text after the code block)."
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
                Add-HelpProblem $path $block.Line "parameter heading '$($block.Text)' must be '### -Name' (or '### CommonParameters')."
                $parameter = $null
                continue
            }
            $parameter = [pscustomobject]@{ Name = $Matches[1]; Description = @(); Yaml = [Collections.Generic.List[object]]::new(); Line = $block.Line }
            if ($page.Parameters.Contains($parameter.Name)) {
                Add-HelpProblem $path $block.Line "parameter -$($parameter.Name) is documented twice."
            }
            $page.Parameters[$parameter.Name] = $parameter
        }
        elseif ($null -eq $parameter) {
            if (-not $page.HasCommonParameters -or $block.Kind -ne 'Text') {
                Add-HelpProblem $path $block.Line 'PARAMETERS holds only "### -Name" entries and "### CommonParameters".'
            }
        }
        elseif ($block.Kind -eq 'Code' -and $block.Language -eq 'yaml') {
            $values = [ordered]@{}
            foreach ($line in $block.Lines) {
                if (-not $line.Trim()) { continue }
                $key, $value = $line -split ':', 2
                $key = $key.Trim()
                if ($null -eq $value -or $key -notin $YamlKeys) {
                    Add-HelpProblem $path $block.Line "parameter -$($parameter.Name): '$line' is not one of the yaml keys $($YamlKeys -join ', ')."
                    continue
                }
                $values[$key] = $value.Trim()
            }
            $parameter.Yaml.Add([pscustomobject]@{ Values = $values; Line = $block.Line })
        }
        elseif ($parameter.Yaml.Count -gt 0) {
            Add-HelpProblem $path $block.Line "parameter -$($parameter.Name): its description must come before its yaml block."
        }
        elseif ($block.Kind -eq 'Code') {
            $parameter.Description += @($block.Lines)
        }
        else {
            $parameter.Description += ConvertTo-Paragraph $block.Text
        }
    }
    if (-not $page.HasCommonParameters) {
        Add-HelpProblem $path 0 'PARAMETERS must end with "### CommonParameters" (every cmdlet supports them).'
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
                Add-HelpProblem $path $block.Line "$section holds an H3 per type (or ### None), each followed by text."
            }
        }
        if ($list.Count -eq 0) {
            Add-HelpProblem $path 0 "$section names no type; write '### None' when there is none."
        }
    }

    foreach ($block in blocksOf 'RELATED LINKS') {
        if ($block.Kind -ne 'Text') {
            Add-HelpProblem $path $block.Line 'RELATED LINKS holds only [text](url) links.'
            continue
        }
        foreach ($line in $block.Lines) {
            if (-not $line.Trim()) { continue }
            if ($line.Trim() -match '^\[([^\]]+)\]\(([^)]*)\)$') {
                $page.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] })
            }
            else {
                Add-HelpProblem $path $block.Line "RELATED LINKS: '$line' is not a [text](url) link on a line of its own."
            }
        }
    }
    $page
}
