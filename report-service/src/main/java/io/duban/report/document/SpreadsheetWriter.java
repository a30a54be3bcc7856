package io.duban.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables for Excel: XLSX with real numeric cells, a frozen bold header row and set column widths
 * (streamed, so a county's ten thousand obligations stay cheap), and CSV as Excel on a Chinese
 * Windows reads it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF.
 */
public final class SpreadsheetWriter {

    /** One column: its Chinese header and width in characters (a CJK character counts two). */
    public record Column(String header, int width) {
    }

    /** A sheet: values are Number (numeric cell), LocalDate (date cell) or anything else as text. */
    public record Table(String name, List<Column> columns, List<List<Object>> rows) {
    }

    private SpreadsheetWriter() {
    }

    public static byte[] xlsx(List<Table> tables) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            for (Table t : tables) {
                Sheet sheet = wb.createSheet(t.name());
                Row h = sheet.createRow(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(t.columns().get(c).header());
                    cell.setCellStyle(head);
                    sheet.setColumnWidth(c, Math.min(255, t.columns().get(c).width()) * 256);
                }
                sheet.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
                                cell.setCellStyle(decimal);
                            }
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // the bytes are written; a failure to delete a temp file changes nothing for the caller
            }
        }
    }

    public static byte[] csv(Table t) {
        StringBuilder s = new StringBuilder("\uFEFF");
        line(s, t.columns().stream().map(c -> (Object) c.header()).toList());
        for (List<Object> row : t.rows()) {
            line(s, row);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder s, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            Object v = values.get(i);
            s.append(quote(v == null ? "" : v.toString()));
        }
        s.append("\r\n");
    }

    /** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
    static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
