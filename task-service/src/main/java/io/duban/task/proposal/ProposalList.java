package io.duban.task.proposal;

import io.duban.common.problem.FieldError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 交办清单 grid (from the table readers: TSV, CSV, XLSX, DOCX) into proposals: the header is the first of the
 * first 30 rows with an 编号 and a 案由 column; columns by synonym (white space ignored): 编号/提案编号/建议编号/案号/提案号,
 * 案由/标题/题目/提案题目/建议题目, 提案者/提案人/提出人/领衔人/代表/委员/代表姓名/委员姓名, 主办单位/承办单位, 协办单位/会办单位,
 * and optionally 类别/类型 (建议/提案), 交办日期/交办时间, 复杂/是否复杂/重大复杂 (是/否). Several proposers are separated by
 * 、，,；; or spaces. Rows without 编号 and 案由 are skipped (blank lines, page text); what is wrong is listed by line.
 */
public final class ProposalList {

    private static final Map<String, String> SYNONYMS = new HashMap<>();

    static {
        for (String s : List.of("编号", "提案编号", "建议编号", "案号", "提案号", "建议号", "序号")) {
            SYNONYMS.put(s, "number");
        }
        for (String s : List.of("案由", "标题", "题目", "提案题目", "建议题目", "提案案由", "建议案由")) {
            SYNONYMS.put(s, "title");
        }
        for (String s : List.of("提案者", "提案人", "提出人", "领衔人", "代表", "委员", "代表姓名", "委员姓名", "提案者姓名", "建议人")) {
            SYNONYMS.put(s, "proposers");
        }
        for (String s : List.of("主办单位", "承办单位", "主办")) {
            SYNONYMS.put(s, "lead");
        }
        for (String s : List.of("协办单位", "会办单位", "协办")) {
            SYNONYMS.put(s, "co");
        }
        for (String s : List.of("类别", "类型", "种类")) {
            SYNONYMS.put(s, "kind");
        }
        for (String s : List.of("交办日期", "交办时间")) {
            SYNONYMS.put(s, "assignedOn");
        }
        for (String s : List.of("复杂", "是否复杂", "重大复杂", "涉及面广处理难度大")) {
            SYNONYMS.put(s, "complex");
        }
    }

    private static final Pattern SPACE = Pattern.compile("[\\s\\u3000\\u00a0\\uE000\\uE001]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    /** One proposal of the list and the line it came from. */
    public record Line(int line, ProposalRequest request) {
    }

    /** The proposals read, or what is wrong (nothing is imported then). */
    public record Read(List<Line> lines, List<FieldError> errors) {
    }

    public static Read read(List<List<String>> grid, LocalDate defaultAssignedOn, Terms.Kind defaultKind) {
        Map<String, Integer> columns = null;
        int headerRow = -1;
        for (int r = 0; r < Math.min(30, grid.size()) && columns == null; r++) {
            Map<String, Integer> found = new HashMap<>();
            List<String> row = grid.get(r);
            for (int c = 0; c < row.size(); c++) {
                String field = SYNONYMS.get(norm(row.get(c)));
                if (field != null) {
                    found.putIfAbsent(field, c);
                }
            }
            if (found.containsKey("number") && found.containsKey("title")) {
                columns = found;
                headerRow = r;
            }
        }
        List<FieldError> errors = new ArrayList<>();
        if (columns == null) {
            errors.add(new FieldError("body", "前 30 行中没有找到表头（需要“编号”和“案由”两列，以及提案者、主办单位、协办单位）。"));
            return new Read(List.of(), errors);
        }
        for (String required : List.of("proposers", "lead")) {
            if (!columns.containsKey(required)) {
                errors.add(new FieldError("body", "表头缺少“" + (required.equals("lead") ? "主办单位" : "提案者") + "”列。"));
            }
        }
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        List<Line> lines = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (int r = headerRow + 1; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            int line = r + 1;
            String number = norm(cell(row, columns.get("number")));
            String title = cell(row, columns.get("title"));
            if (number.isEmpty() && title.isEmpty()) {
                continue;
            }
            if (SYNONYMS.containsKey(number) && "number".equals(SYNONYMS.get(number))) {
                continue; // a header repeated on a later page
            }
            String where = "line " + line;
            if (number.isEmpty()) {
                errors.add(new FieldError(where, "编号为空"));
                continue;
            }
            if (!numbers.add(number)) {
                errors.add(new FieldError(where, "编号 " + number + " 重复"));
                continue;
            }
            List<String> proposers = new ArrayList<>();
            for (String name : cell(row, columns.get("proposers")).split("[、，,；;\\s\\u3000]+")) {
                if (!name.isBlank()) {
                    proposers.add(name.strip());
                }
            }
            Terms.Kind kind = defaultKind;
            String kindText = columns.containsKey("kind") ? norm(cell(row, columns.get("kind"))) : "";
            if (kindText.contains("建议")) {
                kind = Terms.Kind.SUGGESTION;
            } else if (kindText.contains("提案")) {
                kind = Terms.Kind.PROPOSAL;
            } else if (!kindText.isEmpty()) {
                errors.add(new FieldError(where, "类别应为“建议”或“提案”：" + kindText));
            }
            LocalDate assignedOn = defaultAssignedOn;
            String dateText = columns.containsKey("assignedOn") ? cell(row, columns.get("assignedOn")) : "";
            if (!dateText.isEmpty()) {
                assignedOn = date(dateText);
                if (assignedOn == null) {
                    errors.add(new FieldError(where, "交办日期无法识别：" + dateText));
                }
            } else if (assignedOn == null) {
                errors.add(new FieldError(where, "缺少交办日期（表中没有该列时请在导入时指定 assignedOn）"));
            }
            String complexText = columns.containsKey("complex") ? norm(cell(row, columns.get("complex"))) : "";
            boolean complex = complexText.equals("是") || complexText.equals("复杂") || complexText.equals("√");
            lines.add(new Line(line, new ProposalRequest(number, title, proposers, kind, assignedOn, complex,
                    cell(row, columns.get("lead")), columns.containsKey("co") ? cell(row, columns.get("co")) : "")));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "交办清单中没有建议提案。"));
        }
        return new Read(lines, errors);
    }

    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String cell(List<String> row, Integer c) {
        if (c == null || c >= row.size() || row.get(c) == null) {
            return "";
        }
        return row.get(c).replace("\uE000", "").replace("\uE001", "").replace("\r", "").replace("\n", "").strip();
    }

    private static String norm(String s) {
        return s == null ? "" : SPACE.matcher(s).replaceAll("");
    }
}
