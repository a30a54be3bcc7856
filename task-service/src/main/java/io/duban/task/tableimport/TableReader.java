package io.duban.task.tableimport;

import io.duban.common.problem.FieldError;
import io.duban.common.text.ControlCharacters;
import io.duban.common.text.TextEncoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an uploaded 任务分解表 (TSV, CSV, XLSX or DOCX) into a grid of cell texts. Real merged
 * regions are read where the format has them: a vertically merged cell repeats its text on every
 * row it covers, a horizontally spanned cell is {@code null} (not blank: blank means "same as
 * above"). Text files are decoded as UTF-8 (with or without BOM) or, failing that, GB18030 — what
 * Excel on a Chinese Windows writes.
 */
public final class TableReader {

    public static final String TSV = "text/tab-separated-values";
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** Rows beyond this are refused rather than read (an XLSX with 10⁶ empty rows). */
    public static final int MAX_ROWS = 50_000;
    /** Columns beyond this are ignored. */
    public static final int MAX_COLUMNS = 40;


    private TableReader() {
    }

    public enum Format { TSV, CSV, XLSX, DOCX }

    /** Reads the body; the content type decides the format, sniffing settles octet-stream and text/plain. */
    public static List<List<String>> read(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            throw UnreadableSource.invalidField("body", "上传的表格为空。");
        }
        Format format = format(body, contentType);
        List<List<String>> rows = switch (format) {
            case TSV, CSV -> readText(TextEncoding.decode(body), format == Format.TSV ? '\t' : ',');
            case XLSX -> XlsxTable.read(body);
            case DOCX -> DocxTable.read(body);
        };
        refuseControlCharacters(rows);
        return rows;
    }

    /** A NUL (or another control character) in a cell: PostgreSQL would refuse the row (a 500 before); say where it is. */
    static void refuseControlCharacters(List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                if (cell != null && ControlCharacters.firstForbidden(cell) >= 0) {
                    int line = r + 1;
                    throw UnreadableSource.invalid("第 " + line + " 行第 " + (c + 1) + " 列含有不允许的控制字符，未导入任何任务。",
                            List.of(new FieldError("line " + line, "第 " + (c + 1) + " 列含有不允许的控制字符"))).atLine(line);
                }
            }
        }
    }

    static Format format(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        boolean zip = body.length > 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
        boolean pdf = body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
        if (pdf) {
            throw UnreadableSource.unsupported("上传的是 PDF 文件，无法读取表格；请上传 XLSX、DOCX、CSV 或 TSV 格式的任务分解表。");
        }
        switch (type) {
            case XLSX:
                requireZip(zip, "XLSX");
                return Format.XLSX;
            case DOCX:
                requireZip(zip, "DOCX");
                return Format.DOCX;
            case TSV:
                return Format.TSV;
            case CSV:
                return Format.CSV;
            default:
                break;
        }
        if (zip) {
            String names = zipEntryNames(body);
            if (names.contains("word/")) {
                return Format.DOCX;
            }
            if (names.contains("xl/")) {
                return Format.XLSX;
            }
            throw UnreadableSource.unsupported("无法识别的压缩文件；请上传 XLSX、DOCX、CSV 或 TSV 格式的任务分解表。");
        }
        String head = TextEncoding.decode(body.length > 4096 ? java.util.Arrays.copyOf(body, 4096) : body, true);
        long tabs = head.chars().filter(c -> c == '\t').count();
        long commas = head.chars().filter(c -> c == ',').count();
        return tabs >= commas ? Format.TSV : Format.CSV;
    }

    private static void requireZip(boolean zip, String what) {
        if (!zip) {
            throw UnreadableSource.invalidField("body", "内容不是有效的 " + what + " 文件。");
        }
    }

    private static String zipEntryNames(byte[] body) {
        StringBuilder names = new StringBuilder();
        try (var zin = new java.util.zip.ZipInputStream(new ByteArrayInputStream(body))) {
            java.util.zip.ZipEntry e;
            int n = 0;
            while ((e = zin.getNextEntry()) != null && n++ < 200) {
                names.append(e.getName()).append('\n');
            }
        } catch (IOException e) {
            throw UnreadableSource.invalidField("body", "压缩文件已损坏，无法读取。");
        }
        return names.toString();
    }

    /** RFC 4180 reading (quoted fields may hold delimiters, quotes and line breaks) with either delimiter. */
    static List<List<String>> readText(String text, char delimiter) {
        if (text.indexOf('\0') >= 0) {
            throw UnreadableSource.invalidField("body", "内容含有二进制数据，不是文本表格。");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean atStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && atStart) {
                quoted = true;
                atStart = false;
            } else if (c == delimiter) {
                addCell(row, cell);
                atStart = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addCell(row, cell);
                rows.add(row);
                if (rows.size() > MAX_ROWS) {
                    throw tooManyRows();
                }
                row = new ArrayList<>();
                atStart = true;
            } else {
                cell.append(c);
                atStart = false;
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            addCell(row, cell);
            rows.add(row);
        }
        return rows;
    }

    private static void addCell(List<String> row, StringBuilder cell) {
        if (row.size() < MAX_COLUMNS) {
            row.add(cell.toString());
        }
        cell.setLength(0);
    }

    static UnreadableSource tooManyRows() {
        return UnreadableSource.tooLarge("表格行数超过上限 " + MAX_ROWS + " 行，请拆分后导入。");
    }

    static InputStream stream(byte[] body) {
        return new ByteArrayInputStream(body);
    }
}
