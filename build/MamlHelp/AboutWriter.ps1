# about_ topics: an about_*.md in the platyPS about template, rendered as the text Get-Help about_Name shows.

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
        Add-HelpProblem $Path 0 "an about topic starts with '# <Topic name>' and then '## $name', as platyPS's about template does."
        return
    }
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if (-not ($blocks | Where-Object { $_.Kind -eq 'Heading' -and $_.Level -eq 1 -and $_.Text -eq $required })) {
            Add-HelpProblem $Path 0 "the about topic has no '# $required' section."
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
