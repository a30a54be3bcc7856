package io.duban.task.tableimport;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
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
    record Header(int line, int seq, List<Integer> category, int requirement, int responsible, int lead, int co,
            int deadline) {
    }

    public static List<SourceRow> merge(List<List<String>> grid) {
        Header h = findHeader(grid);
        List<SourceRow> out = new ArrayList<>();
        List<String> lastCategory = new ArrayList<>();
        for (int i = 0; i < h.category.size(); i++) {
            lastCategory.add("");
        }
        String lastResponsible = "";
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
            String requirement = cell(row, h.requirement);
            if (requirement.isEmpty()) {
                // blank lines and stray page text ("县政府办公室文件", "— 10 —") have no requirement
                continue;
            }
            for (int i = 0; i < h.category.size(); i++) {
                String raw = rawCell(row, h.category.get(i));
                if (raw == null) {
                    lastCategory.set(i, "");
                } else if (!clean(raw).isEmpty()) {
                    lastCategory.set(i, clean(raw));
                }
            }
            String responsible = responsible(row, h);
            if (!responsible.isEmpty()) {
                lastResponsible = responsible;
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
            out.add(new SourceRow(line, seq, category, requirement, lastResponsible, lastDeadline));
            if (errors.size() > 50) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("表格内容有误，未导入任何数据。", errors).with("line", Integer.parseInt(errors.get(0).field().substring(5)));
        }
        if (out.isEmpty()) {
            throw ProblemException.validation("表格中没有任务行。", List.of(new FieldError("body", "表头之后没有任何含工作要求的行")));
        }
        return out;
    }

    static Header findHeader(List<List<String>> grid) {
        int limit = Math.min(grid.size(), 30);
        for (int r = 0; r < limit; r++) {
            List<String> row = grid.get(r);
            int seq = -1, requirement = -1, responsible = -1, lead = -1, co = -1, deadline = -1;
            List<Integer> category = new ArrayList<>();
            Column previous = null;
            for (int c = 0; c < row.size(); c++) {
                String name = norm(row.get(c));
                Column col = SYNONYMS.get(name);
                if (col == null && name.isEmpty() && previous == Column.CATEGORY) {
                    col = Column.CATEGORY; // a header cell followed by blank header cells spans several levels
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
                return new Header(r + 1, seq, category, requirement, responsible, lead, co, deadline);
            }
        }
        throw ProblemException.validation("未找到任务分解表的表头：需要“工作要求”（或具体要求、五级指标）和“责任单位”（或牵头单位、评估对象）列。",
                List.of(new FieldError("header", "缺少工作要求或责任单位列"))).with("line", 1);
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

    private static String responsible(List<String> row, Header h) {
        if (h.responsible >= 0) {
            return cell(row, h.responsible);
        }
        String lead = cell(row, h.lead);
        String co = cell(row, h.co);
        if (co.isEmpty()) {
            return lead;
        }
        return lead.isEmpty() ? co : lead + "牵头，" + co + "配合";
    }

    private static String rawCell(List<String> row, int c) {
        if (c < 0 || c >= row.size()) {
            return "";
        }
        return row.get(c);
    }

    private static String cell(List<String> row, int c) {
        String raw = rawCell(row, c);
        return raw == null ? "" : clean(raw);
    }

    /** Trimmed, inner line breaks of a wrapped cell joined. */
    static String clean(String s) {
        return s.replace("\r", "").replace("\n", "").strip();
    }

    static String norm(String s) {
        return s == null ? "" : SPACE.matcher(s).replaceAll("");
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
