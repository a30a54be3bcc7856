package io.duban.report.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A 公文 as content, independent of its file format: a title, body blocks (numbered headings,
 * paragraphs, tables) and the issuer with the date that close it. {@link DocxWriter} and
 * {@link HtmlWriter} lay it out.
 */
public record OfficialDocument(String title, String subtitle, List<Block> body, String issuer, LocalDate date) {

    /** One piece of the body. */
    public sealed interface Block permits Heading, Paragraph, Table {
    }

    /** Level 1 reads 一、… (黑体), level 2 （一）… (楷体); the number is part of the text. */
    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** A bordered table; its header row repeats on every page. {@code widths} are relative. */
    public record Table(List<String> headers, List<List<String>> rows, List<Integer> widths) implements Block {
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Numbers headings as it goes: 一、二、… and under each （一）（二）…. */
    public static final class Builder {
        private final String title;
        private String subtitle;
        private final List<Block> body = new ArrayList<>();
        private int h1;
        private int h2;

        Builder(String title) {
            this.title = title;
        }

        public Builder subtitle(String s) {
            this.subtitle = s;
            return this;
        }

        public Builder heading(String text) {
            h1++;
            h2 = 0;
            body.add(new Heading(1, ChineseDates.number(h1) + "、" + text));
            return this;
        }

        public Builder subheading(String text) {
            h2++;
            body.add(new Heading(2, "（" + ChineseDates.number(h2) + "）" + text));
            return this;
        }

        public Builder paragraph(String text) {
            body.add(new Paragraph(text));
            return this;
        }

        public Builder table(List<String> headers, List<List<String>> rows, List<Integer> widths) {
            body.add(new Table(List.copyOf(headers), List.copyOf(rows), List.copyOf(widths)));
            return this;
        }

        public OfficialDocument closing(String issuer, LocalDate date) {
            return new OfficialDocument(title, subtitle, List.copyOf(body), issuer, date);
        }
    }
}
