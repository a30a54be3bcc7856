package io.duban.report.document;

/**
 * The same {@link OfficialDocument} as one printable HTML page (A4 print CSS, the 公文 fonts with
 * common fallbacks). Every piece of text is escaped: requirements and findings are user input.
 */
public final class HtmlWriter {

    private HtmlWriter() {
    }

    public static String write(OfficialDocument doc) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(doc.title())).append("</title>\n<style>\n")
                .append("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n")
                .append("body { font-family: \"仿宋_GB2312\", \"仿宋\", FangSong, STFangsong, serif; font-size: 16pt;"
                        + " line-height: 28pt; max-width: 156mm; margin: 2em auto; }\n")
                .append("h1 { font-family: \"方正小标宋简体\", \"华文中宋\", STZhongsong, serif; font-size: 22pt;"
                        + " font-weight: normal; text-align: center; line-height: 1.5; }\n")
                .append(".subtitle { font-family: \"楷体_GB2312\", \"楷体\", KaiTi, serif; text-align: center; }\n")
                .append("h2 { font-family: \"黑体\", SimHei, sans-serif; font-size: 16pt; font-weight: normal;"
                        + " text-indent: 2em; margin: 0; }\n")
                .append("h3 { font-family: \"楷体_GB2312\", \"楷体\", KaiTi, serif; font-size: 16pt; font-weight: normal;"
                        + " text-indent: 2em; margin: 0; }\n")
                .append("p { text-indent: 2em; margin: 0; text-align: justify; }\n")
                .append("table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 12pt; line-height: 1.4; }\n")
                .append("th, td { border: 1px solid #000; padding: 2pt 4pt; }\n")
                .append("th { font-family: \"黑体\", SimHei, sans-serif; font-weight: normal; }\n")
                .append("thead { display: table-header-group; }\n")
                .append("tr { page-break-inside: avoid; }\n")
                .append(".closing { text-align: right; text-indent: 0; padding-right: 4em; }\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(doc.title())).append("</h1>\n");
        if (doc.subtitle() != null && !doc.subtitle().isBlank()) {
            h.append("<p class=\"subtitle\">").append(escape(doc.subtitle())).append("</p>\n");
        }
        for (OfficialDocument.Block b : doc.body()) {
            if (b instanceof OfficialDocument.Heading x) {
                String tag = x.level() == 1 ? "h2" : "h3";
                h.append('<').append(tag).append('>').append(escape(x.text())).append("</").append(tag).append(">\n");
            } else if (b instanceof OfficialDocument.Paragraph p) {
                h.append("<p>").append(escape(p.text())).append("</p>\n");
            } else if (b instanceof OfficialDocument.Table t) {
                h.append("<table>\n<thead><tr>");
                t.headers().forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
                h.append("</tr></thead>\n<tbody>\n");
                for (var row : t.rows()) {
                    h.append("<tr>");
                    row.forEach(c -> h.append("<td>").append(escape(c)).append("</td>"));
                    h.append("</tr>\n");
                }
                h.append("</tbody>\n</table>\n");
            }
        }
        h.append("<p>&nbsp;</p>\n<p class=\"closing\">").append(escape(doc.issuer())).append("</p>\n<p class=\"closing\">")
                .append(escape(ChineseDates.format(doc.date()))).append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
