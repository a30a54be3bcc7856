package io.duban.task.tableimport;

import java.util.List;

/** One task row as the table means it, after header mapping and "blank = same as above". */
public record SourceRow(int line, int seq, List<String> category, String requirement, String responsibleText,
        String deadlineText) {
}
