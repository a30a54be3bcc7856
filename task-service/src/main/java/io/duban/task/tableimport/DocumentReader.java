package io.duban.task.tableimport;

import io.duban.common.problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 实施意见 / 通知 / 方案 written as prose into task rows. The heading structure
 * (一、 / （一） / 1. / （1）) gives the category path; a numbered paragraph whose end carries an
 * inline assignment ("（责任单位：县消防救援大队）", "（县气象局牵头，县发展改革委……等部门按照职责分工负责）")
 * is a measure, and so is every paragraph numbered at the level the measures use (without an
 * assignment it is imported with an EMPTY review item). Other paragraphs — 背景, 总体要求, 工作目标,
 * headings — are not tasks.
 *
 * <p>Text extracted from PDF or typed by hand breaks paragraphs anywhere (a page break inside
 * "县\n\n委统战部"): unnumbered lines continue the open paragraph until its assignment closes it;
 * after that they are body text or the signature and are ignored.
 */
public final class DocumentReader {

    /** Numbering levels as these documents print them. */
    private static final Pattern[] LEVELS = {
        Pattern.compile("^([一二三四五六七八九十]{1,3})[、，.．]\\s*"),
        Pattern.compile("^[（(]\\s*([一二三四五六七八九十]{1,3})\\s*[)）][、，.．]?\\s*"),
        Pattern.compile("^([0-9]{1,3})\\s*[.．、](?![0-9])\\s*"),
        Pattern.compile("^[（(]\\s*([0-9]{1,3})\\s*[)）][、，.．]?\\s*"),
    };
    private static final Pattern MARKUP = Pattern.compile("^[#>*\\s\\u3000]+");
    private static final Pattern DEADLINE_WORD = Pattern.compile("[，,；;。\\s]*(?:完成时限|时限要求|完成时间|办结时限|时限)\\s*[：:]?\\s*");
    private static final Pattern UNITS_PREFIX = Pattern.compile("^\\s*(?:责任单位|责任部门|牵头单位|责任主体|主责单位)\\s*[：:]?\\s*");
    private static final Pattern BARE_START = Pattern.compile("^\\s*(?:县|市|省|区)");
    private static final Pattern ASSIGNMENT_WORD = Pattern.compile("责任单位|责任部门|牵头单位|牵头|配合|按照?职责分工|负责$|负责[，,；;]");

    /**
     * Text gathered for one paragraph at most (twice the longest requirement accepted): a heading followed by pages of
     * body text stops gathering there, so reading stays linear in the document's length.
     */
    private static final int MAX_BLOCK = 2 * RowMerger.MAX_CELL;

    /** One numbered paragraph with its continuation lines. */
    private static final class Block {
        final int line;
        final int level;
        final String number;
        final StringBuilder text = new StringBuilder();
        final String firstLine;
        Inline inline;

        Block(int line, int level, String number, String text) {
            this.line = line;
            this.level = level;
            this.number = number;
            this.firstLine = text;
            this.text.append(text);
        }
    }

    /** The assignment at a measure's end: where it sits and what it says. */
    record Inline(int start, int end, String responsibleText, String deadlineText) {
    }

    private DocumentReader() {
    }

    /** Reads the paragraphs (or lines) of a document; 400 when it holds no numbered measure. */
    public static List<SourceRow> read(List<String> paragraphs) {
        List<Block> blocks = blocks(paragraphs);
        Map<Integer, Integer> assignedPerLevel = new HashMap<>();
        for (Block b : blocks) {
            if (b.inline != null) {
                assignedPerLevel.merge(b.level, 1, Integer::sum);
            }
        }
        int measureLevel = assignedPerLevel.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(-1);
        String[] path = new String[LEVELS.length];
        List<SourceRow> rows = new ArrayList<>();
        for (Block b : blocks) {
            boolean measure = b.inline != null || b.level == measureLevel;
            if (!measure) {
                path[b.level] = title(b.firstLine);
                for (int i = b.level + 1; i < path.length; i++) {
                    path[i] = null;
                }
                continue;
            }
            List<String> category = new ArrayList<>();
            for (int i = 0; i < b.level; i++) {
                if (path[i] != null && !path[i].isEmpty()) {
                    category.add(path[i]);
                }
            }
            String text = b.text.toString();
            String requirement = b.inline == null ? text : text.substring(0, b.inline.start()) + text.substring(b.inline.end() + 1);
            requirement = tidy(requirement);
            String responsible = b.inline == null ? "" : b.inline.responsibleText();
            String deadline = b.inline == null || b.inline.deadlineText() == null ? "" : b.inline.deadlineText();
            UnitText.Annotated annotated = UnitText.annotations(responsible);
            if (requirement.length() > RowMerger.MAX_CELL || annotated.text().length() > RowMerger.MAX_RESPONSIBLE) {
                throw UnreadableSource.invalid("文件内容有误，未导入任何数据。", List.of(new FieldError("line " + b.line,
                        "第 " + b.line + " 段的措施超过 " + RowMerger.MAX_CELL + " 字或责任单位超过 " + RowMerger.MAX_RESPONSIBLE + " 字。")))
                        .atLine(b.line);
            }
            rows.add(new SourceRow(b.line, rows.size() + 1, b.number, List.copyOf(category), requirement, annotated.text(), deadline,
                    annotated.note(), List.of(), false));
        }
        if (rows.isEmpty()) {
            throw UnreadableSource.invalid("未找到任务分解表的表头，也未在文件中找到带编号的工作措施。",
                    List.of(new FieldError("body", "既没有含“工作要求”和“责任单位”的表头，也没有“1.”“（一）”等编号的措施段落"))).atLine(1);
        }
        return rows;
    }

    private static List<Block> blocks(List<String> paragraphs) {
        List<Block> blocks = new ArrayList<>();
        Block open = null;
        for (int n = 0; n < paragraphs.size(); n++) {
            String line = MARKUP.matcher(paragraphs.get(n).replace('\u00a0', ' ')).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            Block started = start(n + 1, line);
            if (started != null) {
                blocks.add(started);
                open = started;
            } else if (open != null && open.inline == null && open.text.length() <= MAX_BLOCK) {
                open.text.append(line);
            } else {
                continue;
            }
            if (blocks.size() > TableReader.MAX_ROWS) {
                throw TableReader.tooManyRows();
            }
            open.inline = inline(open.text.toString());
        }
        return blocks;
    }

    private static Block start(int lineNo, String line) {
        for (int level = 0; level < LEVELS.length; level++) {
            Matcher m = LEVELS[level].matcher(line);
            if (m.find() && m.end() < line.length()) {
                String number = level == 2 ? m.group(1) : level == 0 ? m.group(1) : "（" + m.group(1) + "）";
                return new Block(lineNo, level, number, line.substring(m.end()).strip());
            }
        }
        return null;
    }

    /**
     * The assignment that closes a paragraph: the last bracketed part that names units, where a bare
     * list of units ("（县消防救援大队）") counts only at the very end and one with 责任单位 / 牵头 /
     * 配合 / 负责 counts anywhere. Null while the paragraph has none (it stays open).
     */
    static Inline inline(String text) {
        String trimmed = text.strip();
        int end = trimmed.length();
        while (end > 0 && "。；;，, ".indexOf(trimmed.charAt(end - 1)) >= 0) {
            end--;
        }
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            char c = trimmed.charAt(i);
            if (c == '(' || c == '（') {
                int close = UnitText.closing(trimmed, i);
                if (close < 0) {
                    break;
                }
                spans.add(new int[] {i, close});
                i = close;
            }
        }
        for (int k = spans.size() - 1; k >= 0; k--) {
            int[] s = spans.get(k);
            String content = trimmed.substring(s[0] + 1, s[1]);
            // a bare list of units closes a measure only at its end and after a sentence ("…屏障。（县消防救援大队）"),
            // never a 各镇（街道、经济开发区） inside a sentence that a line break happens to end
            boolean atEnd = s[1] == end - 1 && (s[0] == 0 || "。；;，,".indexOf(trimmed.charAt(s[0] - 1)) >= 0
                    || BARE_START.matcher(content).find());
            boolean named = ASSIGNMENT_WORD.matcher(content).find() && UnitText.looksLikeUnits(unitsPart(content))
                    || atEnd && UnitText.looksLikeUnits(content);
            if (named) {
                Matcher d = DEADLINE_WORD.matcher(content);
                String units = content;
                String deadline = null;
                if (d.find()) {
                    units = content.substring(0, d.start());
                    deadline = content.substring(d.end()).strip().replaceAll("[。；;，,]+$", "");
                }
                units = UNITS_PREFIX.matcher(units).replaceFirst("").strip().replaceAll("[。；;，,：:]+$", "");
                return new Inline(s[0], s[1], units, deadline);
            }
        }
        return null;
    }

    private static String unitsPart(String content) {
        Matcher d = DEADLINE_WORD.matcher(content);
        String units = d.find() ? content.substring(0, d.start()) : content;
        return UNITS_PREFIX.matcher(units).replaceFirst("");
    }

    /** A heading's title: its first sentence, without trailing punctuation. */
    private static String title(String firstLine) {
        String t = firstLine;
        int stop = t.indexOf('。');
        if (stop > 0) {
            t = t.substring(0, stop);
        }
        return t.strip().replaceAll("[。；;：:，,]+$", "");
    }

    private static String tidy(String s) {
        return s.strip().replaceAll("\\s{2,}", " ");
    }
}
