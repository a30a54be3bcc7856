package io.duban.task.tableimport;

import java.util.List;

/**
 * One task as the source means it: a table row after header mapping and "blank = same as above", or
 * a numbered measure of a document. {@code number} is the measure's printed number (null for
 * tables), {@code note} an annotation of the 责任单位 text that names no unit ("涉密信息除外"),
 * {@code leads} the unit names printed in bold (the lead, whatever its position), {@code leadMissing}
 * a blank 牵头 cell beside a filled 配合 cell.
 */
public record SourceRow(int line, int seq, String number, List<String> category, String requirement, String responsibleText,
        String deadlineText, String note, List<String> leads, boolean leadMissing) {

    public SourceRow(int line, int seq, List<String> category, String requirement, String responsibleText, String deadlineText) {
        this(line, seq, null, category, requirement, responsibleText, deadlineText, null, List.of(), false);
    }
}
