namespace Connectors.Hosting.Dashboard;

/// <summary>The frame around every page: head with inline CSS (no external resources), heading and navigation.</summary>
internal static class DashboardLayout
{
    private const string Styles = """
        :root { color-scheme: light; --line: #d0d4da; --muted: #5b6370; --bad: #b42318; --warn: #b54708; --good: #067647; --info: #175cd3; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; background: #f6f7f9; }
        header { background: #1d2430; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 2rem; align-items: baseline; }
        header h1 { font-size: 1.1rem; margin: 0; }
        nav a { color: #cfd6e0; margin-right: 1rem; text-decoration: none; }
        nav a[aria-current="page"] { color: #fff; font-weight: 600; border-bottom: 2px solid #fff; }
        main { padding: 1rem 1.2rem; }
        h2 { font-size: 1.15rem; margin: .2rem 0 1rem; }
        h3 { font-size: 1rem; margin: 0 0 .5rem; }
        .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; }
        .panel, .group { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; font-size: .85rem; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .muted, .detail { color: var(--muted); }
        .detail { font-size: .85rem; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; border: 1px solid currentColor; }
        .status-open, .outcome-failed { color: var(--bad); }
        .status-retrying, .outcome-partial, .outcome-running { color: var(--info); }
        .status-resolved, .outcome-succeeded { color: var(--good); }
        .status-ignored, .outcome-cancelled { color: var(--muted); }
        .team { color: var(--warn); }
        form.inline { display: inline; }
        button { font: inherit; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
        button:hover { background: #eef1f5; }
        .filters { margin-bottom: 1rem; display: flex; gap: .8rem; align-items: center; }
        .filters select { font: inherit; }
        svg .bar-succeeded { fill: #12b76a; } svg .bar-partial { fill: #2e90fa; } svg .bar-failed { fill: #f04438; } svg .bar-cancelled { fill: #98a2b3; }
        """;

    public static string Render(DashboardContext context, IDashboardPage page, IReadOnlyList<IDashboardPage> pages, HtmlBuilder content)
    {
        var html = new HtmlBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{page.Title} · {context.Options.Title}</title>
            <style>{new TrustedHtml(Styles)}</style>
            </head>
            <body>
            <header><h1>{context.Options.Title}</h1><nav>
            """);
        foreach (var item in pages)
        {
            var current = ReferenceEquals(item, page) ? new TrustedHtml(" aria-current=\"page\"") : default;
            html.Append($"<a href=\"{context.Url(item.Path)}\"{current}>{item.Title}</a>");
        }
        html.Append($"""
            </nav><span class="muted">{DashboardFormat.Instant(context.Now)}</span></header>
            <main>
            <h2>{page.Title}</h2>
            {content.ToTrustedHtml()}
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }
}
