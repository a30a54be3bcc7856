package io.duban.task.tableimport;

import io.duban.common.text.TextEncoding;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an uploaded body into task rows, whatever form the county used: a table (TSV, CSV, XLSX,
 * DOCX table) is read under its header; a text or Word document whose first 30 lines or
 * paragraphs hold no table header is read as prose ({@link DocumentReader}).
 */
public final class SourceReader {

    /** What was read and how. */
    public record Source(Form form, List<SourceRow> rows, List<Repair> repairs) {
    }

    /** TABLE: rows under a header; DOCUMENT: numbered measures of prose. */
    public enum Form { TABLE, DOCUMENT }

    private SourceReader() {
    }

    public static Source read(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            throw UnreadableSource.invalidField("body", "上传的表格为空。");
        }
        TableReader.Format format = TableReader.format(body, contentType);
        return switch (format) {
            case TSV, CSV -> {
                String text = TextEncoding.decode(body);
                List<List<String>> grid = TableReader.readText(text, format == TableReader.Format.TSV ? '\t' : ',');
                TableReader.refuseControlCharacters(grid);
                yield RowMerger.hasHeader(grid) ? table(grid) : document(Arrays.asList(text.split("\r\n|\r|\n", -1)));
            }
            case XLSX -> {
                List<List<String>> grid = XlsxTable.read(body);
                TableReader.refuseControlCharacters(grid);
                yield table(grid);
            }
            case DOCX -> {
                DocxTable.Content content = DocxTable.readAll(body);
                TableReader.refuseControlCharacters(content.grid());
                TableReader.refuseControlCharacters(content.paragraphs().stream().map(List::of).toList());
                if (!content.grid().isEmpty() && (RowMerger.hasHeader(content.grid()) || noText(content.paragraphs()))) {
                    yield table(content.grid());
                }
                yield document(content.paragraphs());
            }
        };
    }

    private static Source table(List<List<String>> grid) {
        RowMerger.Merged merged = RowMerger.read(grid);
        return new Source(Form.TABLE, merged.rows(), merged.repairs());
    }

    private static Source document(List<String> paragraphs) {
        if (paragraphs.size() > TableReader.MAX_ROWS) {
            throw TableReader.tooManyRows();
        }
        return new Source(Form.DOCUMENT, DocumentReader.read(paragraphs), List.of());
    }

    private static boolean noText(List<String> paragraphs) {
        return paragraphs.stream().allMatch(String::isBlank);
    }
}
