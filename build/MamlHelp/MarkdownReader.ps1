# Markdown as platyPS 0.14 reads it: front matter, headings, text runs and fenced code; inline markup to help text.

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
                Add-HelpProblem $Path $lineNumber 'code block is not closed with ```.'
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
