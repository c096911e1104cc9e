/// CSS every page shares: fonts found on Debian (Noto CJK), Windows and macOS without the
/// network, A4 with no browser header or footer, and colours kept when printed.
enum PaperStyle {
    static let fonts = """
    "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "Microsoft JhengHei", "微軟正黑體", \
    "PingFang TC", "Heiti TC", "Noto Sans CJK JP", sans-serif
    """

    static let base = """
    @page { size: A4; margin: 0; }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    html, body { margin: 0; padding: 0; font-family: \(fonts); color: #111; }
    @media screen { body { background: #ddd; } .page { margin: 8mm auto; box-shadow: 0 0 3mm #888; } }
    .page { position: relative; width: 210mm; height: 297mm; background: #fff; overflow: hidden;
            page-break-after: always; break-after: page; }
    .page:last-child { page-break-after: auto; break-after: auto; }
    """
}
