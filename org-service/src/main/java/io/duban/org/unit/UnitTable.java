package io.duban.org.unit;

import io.duban.org.directory.UnitKind;
import io.duban.common.problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads the unit import file: TSV with the header {@code name	kind	aliases	parent}, aliases
 * separated by {@code |}, parent by name or blank. Only the file's own shape is checked here; what
 * the rows mean together (duplicates, parents) is {@link UnitImportPlan}'s job.
 */
public final class UnitTable {

    public static final String HEADER = "name\tkind\taliases\tparent";
    public static final int MAX_ROWS = 10_000;
    public static final int MAX_NAME = 100;
    public static final int MAX_ALIASES = 20;

    /** One data row; {@code line} counts from 1 with the header as line 1. */
    public record Row(int line, String name, UnitKind kind, List<String> aliases, String parent) {
    }

    /** The rows, or the errors (each naming its line) when the file is malformed. */
    public record Parsed(List<Row> rows, List<FieldError> errors) {
    }

    private UnitTable() {
    }

    public static Parsed parse(String body) {
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String text = body == null ? "" : body;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (!lines[0].strip().equals(HEADER) && !stripTrailingTabs(lines[0]).equals(HEADER)) {
            errors.add(new FieldError("line 1", "表头应为 name<TAB>kind<TAB>aliases<TAB>parent"));
            return new Parsed(List.of(), errors);
        }
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            String raw = lines[i];
            if (raw.isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                errors.add(new FieldError("line " + line, "单位最多 " + MAX_ROWS + " 行"));
                break;
            }
            String[] f = raw.split("\t", -1);
            if (f.length > 4 && !Arrays.stream(f, 4, f.length).allMatch(String::isBlank)) {
                errors.add(new FieldError("line " + line, "列数过多：每行应为 name、kind、aliases、parent 四列"));
                continue;
            }
            String name = f[0].strip();
            String kindText = f.length > 1 ? f[1].strip() : "";
            String aliasText = f.length > 2 ? f[2].strip() : "";
            String parent = f.length > 3 ? f[3].strip() : "";
            int before = errors.size();
            if (name.isEmpty()) {
                errors.add(new FieldError("line " + line, "单位名称不能为空"));
            } else if (name.length() > MAX_NAME) {
                errors.add(new FieldError("line " + line, "单位名称最多 " + MAX_NAME + " 个字"));
            }
            UnitKind kind = UnitKind.parse(kindText);
            if (kind == null) {
                errors.add(new FieldError("line " + line, "未知的单位类别：" + abbreviate(kindText)
                        + "（应为 DEPARTMENT、TOWN、SUBDISTRICT、ZONE、PARTY、BRANCH、ENTERPRISE 之一）"));
            }
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            for (String a : aliasText.split("\\|")) {
                if (!a.isBlank() && !a.strip().equals(name)) {
                    aliases.add(a.strip());
                }
            }
            if (aliases.size() > MAX_ALIASES) {
                errors.add(new FieldError("line " + line, "别名最多 " + MAX_ALIASES + " 个"));
            }
            if (aliases.stream().anyMatch(a -> a.length() > MAX_NAME)) {
                errors.add(new FieldError("line " + line, "别名最多 " + MAX_NAME + " 个字"));
            }
            if (parent.length() > MAX_NAME) {
                errors.add(new FieldError("line " + line, "上级单位名称最多 " + MAX_NAME + " 个字"));
            }
            if (errors.size() == before) {
                rows.add(new Row(line, name, kind, List.copyOf(aliases), parent.isEmpty() ? null : parent));
            }
        }
        return new Parsed(rows, errors);
    }

    private static String stripTrailingTabs(String s) {
        return s.replaceAll("[\t ]+$", "");
    }

    static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
