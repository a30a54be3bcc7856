package io.duban.org.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A name a unit went by until a day (县卫生和计划生育局 until 2019-03-01, before the 机构改革): a plan of a
 * year when the name was in use may still name the unit by it.
 */
public record FormerName(@NotBlank(message = "曾用名不能为空") @Size(max = 100, message = "曾用名最多 100 个字") String name,
                         @NotNull(message = "曾用名须写明使用截止日期 until") LocalDate until) {

    /** Whether the name was still in use at some time in that year. */
    public boolean usedIn(int year) {
        return !until.isBefore(LocalDate.of(year, 1, 1));
    }

    /** The stored and TSV form: {@code name@YYYY-MM-DD|…}. */
    public static String format(List<FormerName> names) {
        StringBuilder b = new StringBuilder();
        for (FormerName f : names == null ? List.<FormerName>of() : names) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(f.name()).append('@').append(f.until());
        }
        return b.toString();
    }

    /** Reads {@code name@YYYY-MM-DD|…}; throws IllegalArgumentException with a Chinese message on a bad entry. */
    public static List<FormerName> parse(String text) {
        List<FormerName> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("\\|")) {
            if (part.isBlank()) {
                continue;
            }
            int at = part.lastIndexOf('@');
            if (at <= 0) {
                throw new IllegalArgumentException("曾用名应写作 名称@截止日期（如 县卫生和计划生育局@2019-03-01）：" + part.strip());
            }
            try {
                out.add(new FormerName(part.substring(0, at).strip(), LocalDate.parse(part.substring(at + 1).strip())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("曾用名的截止日期应为 YYYY-MM-DD：" + part.strip());
            }
        }
        return out;
    }
}
