package io.duban.task.tableimport;

import io.duban.common.problem.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a grid as the real 任务分解表 are written: finds the header (title lines above it are
 * skipped), maps header synonyms to columns, skips repeated header rows, blank lines and stray
 * page text, fills blank category / 责任单位 / 时限 cells from the row above (a merged cell), and
 * numbers rows when 序号 is missing.
 */
public final class RowMerger {

    /** Longest cell text accepted; the real requirements are a few hundred characters. */
    public static final int MAX_CELL = 4000;
    /** Longest 责任单位 cell (org-service resolves texts of at most 2000 characters). */
    public static final int MAX_RESPONSIBLE = 2000;

    enum Column { SEQ, CATEGORY, REQUIREMENT, RESPONSIBLE, LEAD, CO, DEADLINE }

    private static final Map<String, Column> SYNONYMS = Map.ofEntries(
            Map.entry("序号", Column.SEQ), Map.entry("编号", Column.SEQ),
            Map.entry("工作任务", Column.CATEGORY), Map.entry("重点任务", Column.CATEGORY),
            Map.entry("任务", Column.CATEGORY), Map.entry("一级指标", Column.CATEGORY),
            Map.entry("二级指标", Column.CATEGORY), Map.entry("三级指标", Column.CATEGORY),
            Map.entry("四级指标", Column.CATEGORY),
            Map.entry("工作要求", Column.REQUIREMENT), Map.entry("具体要求", Column.REQUIREMENT),
            Map.entry("五级指标", Column.REQUIREMENT), Map.entry("工作内容", Column.REQUIREMENT),
            Map.entry("责任单位", Column.RESPONSIBLE), Map.entry("评估对象", Column.RESPONSIBLE),
            Map.entry("责任部门", Column.RESPONSIBLE),
            Map.entry("牵头单位", Column.LEAD), Map.entry("配合单位", Column.CO),
            Map.entry("时限要求", Column.DEADLINE), Map.entry("完成时限", Column.DEADLINE),
            Map.entry("完成时间", Column.DEADLINE));

    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Pattern INTEGER = Pattern.compile("\\d{1,6}");

    private RowMerger() {
    }

    /** The column layout found in the header row. */
    record Header(int line, int seq, List<Integer> category, int requirement, int requirementSub, int responsible, int lead,
            int co, int deadline) {

        /** 常态化 lists end with 评估对象 and have no 时限 column: their PDF text shifts cells left (see {@link ShiftRepair}). */
        boolean responsibleIsLast() {
            return responsible >= 0 && deadline < 0 && lead < 0 && responsible > requirement
                    && category.stream().allMatch(c -> c < responsible) && seq < responsible;
        }
    }

    /** The rows of a table and the repairs made to rows whose cells had shifted. */
    public record Merged(List<SourceRow> rows, List<Repair> repairs) {
    }

    public static List<SourceRow> merge(List<List<String>> grid) {
        return read(grid).rows();
    }

    /** Reads the table under its header: rows, plus what was repaired on the way (listed in the dry run). */
    public static Merged read(List<List<String>> grid) {
        Header h = findHeader(grid);
        List<SourceRow> out = new ArrayList<>();
        List<Repair> repairs = new ArrayList<>();
        int levels = h.category.size() + (h.requirementSub >= 0 ? 1 : 0);
        List<String> lastCategory = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            lastCategory.add("");
        }
        String lastResponsible = "";
        List<String> lastLeads = List.of();
        boolean lastLeadMissing = false;
        String lastDeadline = "";
        int lastSeq = 0;
        Set<Integer> seen = new HashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int r = h.line; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            int line = r + 1;
            if (isHeaderLike(row)) {
                continue;
            }
            if (h.responsibleIsLast()) {
                ShiftRepair.Result fixed = ShiftRepair.apply(row, h);
                if (fixed == null) {
                    continue; // stray page text: nothing that reads as a requirement
                }
                if (fixed.detail() != null) {
                    repairs.add(new Repair(line, lastSeq + 1, fixed.detail()));
                }
                row = fixed.row();
            }
            String main = cell(row, h.requirement);
            String sub = cell(row, h.requirementSub);
            String requirement = sub.isEmpty() ? main : sub;
            if (requirement.isEmpty()) {
                // blank lines and stray page text ("县政府办公室文件", "— 10 —") have no requirement
                continue;
            }
            for (int i = 0; i < h.category.size(); i++) {
                String raw = rawCell(row, h.category.get(i));
                setLevel(lastCategory, i, raw);
            }
            if (h.requirementSub >= 0) {
                // 具体要求 over two columns: the first is one more category level when the second holds the item
                setLevel(lastCategory, levels - 1, sub.isEmpty() ? null : rawCell(row, h.requirement));
            }
            String responsibleRaw = responsible(row, h);
            if (!strip(responsibleRaw).isEmpty()) {
                lastResponsible = strip(responsibleRaw);
                lastLeads = Emphasis.marked(responsibleRaw);
                lastLeadMissing = h.lead >= 0 && h.co >= 0 && cell(row, h.lead).isEmpty();
            }
            String deadline = cell(row, h.deadline);
            if (!deadline.isEmpty()) {
                lastDeadline = deadline;
            }
            int seq = lastSeq + 1;
            String seqText = cell(row, h.seq).replace(".", "").replace("、", "");
            if (!seqText.isEmpty()) {
                if (INTEGER.matcher(seqText).matches()) {
                    seq = Integer.parseInt(seqText);
                } else {
                    errors.add(new FieldError("line " + line, "第 " + line + " 行的序号不是数字：" + abbreviate(seqText)));
                }
            }
            if (!seen.add(seq)) {
                errors.add(new FieldError("line " + line, "第 " + line + " 行的序号 " + seq + " 重复。"));
            }
            if (requirement.length() > MAX_CELL || lastDeadline.length() > MAX_CELL) {
                errors.add(new FieldError("line " + line, "第 " + line + " 行的单元格超过 " + MAX_CELL + " 字。"));
            }
            if (lastResponsible.length() > MAX_RESPONSIBLE) {
                errors.add(new FieldError("line " + line, "第 " + line + " 行的责任单位超过 " + MAX_RESPONSIBLE + " 字。"));
            }
            lastSeq = seq;
            List<String> category = lastCategory.stream().filter(c -> !c.isEmpty()).toList();
            UnitText.Annotated responsibleText = UnitText.annotations(lastResponsible);
            out.add(new SourceRow(line, seq, null, category, requirement, responsibleText.text(), lastDeadline,
                    responsibleText.note(), lastLeads, lastLeadMissing));
            if (errors.size() > 50) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw UnreadableSource.invalid("表格内容有误，未导入任何数据。", errors).atLine(Integer.parseInt(errors.get(0).field().substring(5)));
        }
        if (out.isEmpty()) {
            throw UnreadableSource.invalid("表格中没有任务行。", List.of(new FieldError("body", "表头之后没有任何含工作要求的行")));
        }
        return new Merged(out, repairs);
    }

    /**
     * A category cell: null (spanned) clears the level, text sets it and clears the deeper levels
     * (a merged cell of a lower level never reaches across a new value above it), blank keeps it.
     */
    private static void setLevel(List<String> levels, int i, String raw) {
        if (raw == null) {
            levels.set(i, "");
            return;
        }
        String text = Emphasis.strip(clean(raw));
        if (text.isEmpty()) {
            return;
        }
        if (!text.equals(levels.get(i))) {
            for (int j = i + 1; j < levels.size(); j++) {
                levels.set(j, "");
            }
        }
        levels.set(i, text);
    }

    /** Whether a header is among the first rows (otherwise the body is read as a document). */
    static boolean hasHeader(List<List<String>> grid) {
        try {
            findHeader(grid);
            return true;
        } catch (UnreadableSource e) {
            return false;
        }
    }

    static Header findHeader(List<List<String>> grid) {
        int limit = Math.min(grid.size(), 30);
        for (int r = 0; r < limit; r++) {
            List<String> row = grid.get(r);
            int seq = -1, requirement = -1, requirementSub = -1, responsible = -1, lead = -1, co = -1, deadline = -1;
            List<Integer> category = new ArrayList<>();
            Column previous = null;
            for (int c = 0; c < row.size(); c++) {
                String name = norm(row.get(c));
                Column col = SYNONYMS.get(name);
                if (col == null && name.isEmpty() && previous == Column.CATEGORY) {
                    col = Column.CATEGORY; // a header cell followed by blank header cells spans several levels
                }
                if (col == null && name.isEmpty() && previous == Column.REQUIREMENT && requirement == c - 1) {
                    requirementSub = c; // 具体要求 over two columns: a requirement and its sub-items
                    previous = null;
                    continue;
                }
                if (col == null) {
                    previous = null;
                    continue;
                }
                switch (col) {
                    case SEQ -> seq = seq < 0 ? c : seq;
                    case CATEGORY -> category.add(c);
                    case REQUIREMENT -> requirement = requirement < 0 ? c : requirement;
                    case RESPONSIBLE -> responsible = responsible < 0 ? c : responsible;
                    case LEAD -> lead = lead < 0 ? c : lead;
                    case CO -> co = co < 0 ? c : co;
                    case DEADLINE -> deadline = deadline < 0 ? c : deadline;
                }
                previous = col;
            }
            if (requirement >= 0 && (responsible >= 0 || lead >= 0)) {
                return new Header(r + 1, seq, category, requirement, requirementSub, responsible, lead, co, deadline);
            }
        }
        throw UnreadableSource.invalid("未找到任务分解表的表头：需要“工作要求”（或具体要求、五级指标）和“责任单位”（或牵头单位、评估对象）列。",
                List.of(new FieldError("header", "缺少工作要求或责任单位列"))).atLine(1);
    }

    /** A repeated header row (a page break in the original) names at least two known columns. */
    static boolean isHeaderLike(List<String> row) {
        int known = 0;
        for (String c : row) {
            if (c != null && SYNONYMS.containsKey(norm(c))) {
                known++;
            }
        }
        return known >= 2;
    }

    /** The 责任单位 text with its bold marks still in (see {@link Emphasis}). */
    private static String responsible(List<String> row, Header h) {
        if (h.responsible >= 0) {
            return clean(rawCellText(row, h.responsible));
        }
        String lead = clean(rawCellText(row, h.lead));
        String co = clean(rawCellText(row, h.co));
        if (strip(co).isEmpty()) {
            return lead;
        }
        // a blank 牵头 cell: the 配合 units stay 配合 (never promoted to lead); review says the lead is missing
        return strip(lead).isEmpty() ? co + "配合" : lead + "牵头，" + co + "配合";
    }

    private static String rawCellText(List<String> row, int c) {
        String raw = rawCell(row, c);
        return raw == null ? "" : raw;
    }

    private static String strip(String s) {
        return Emphasis.strip(s).strip();
    }

    static String rawCell(List<String> row, int c) {
        if (c < 0 || c >= row.size()) {
            return "";
        }
        return row.get(c);
    }

    static String cell(List<String> row, int c) {
        String raw = rawCell(row, c);
        return raw == null ? "" : Emphasis.strip(clean(raw));
    }

    /** Trimmed, inner line breaks of a wrapped cell joined. */
    static String clean(String s) {
        return s.replace("\r", "").replace("\n", "").strip();
    }

    static String norm(String s) {
        return s == null ? "" : SPACE.matcher(Emphasis.strip(s)).replaceAll("");
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
