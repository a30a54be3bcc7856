package io.duban.report.document;

import io.duban.common.document.PrintLayout;
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
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables for Excel: XLSX with real numeric cells, an optional title row, a frozen bold header row, set column widths,
 * borders and the county's print setup ({@link PrintLayout}; streamed, so a county's ten thousand obligations stay
 * cheap), and CSV as Excel on a Chinese Windows reads it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF.
 */
public final class SpreadsheetWriter {

    /** One column: its Chinese header and width in characters (a CJK character counts two). */
    public record Column(String header, int width) {
    }

    /**
     * A sheet: values are Number (numeric cell), LocalDate (date cell) or anything else as text. {@code title}, when
     * not null, is printed above the header across all columns and repeats with it on every page.
     */
    public record Table(String name, String title, List<Column> columns, List<List<Object>> rows) {

        public Table(String name, List<Column> columns, List<List<Object>> rows) {
            this(name, null, columns, rows);
        }
    }

    private SpreadsheetWriter() {
    }

    public static byte[] xlsx(List<Table> tables) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font large = wb.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            CellStyle title = wb.createCellStyle();
            title.setFont(large);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle head = PrintLayout.bordered(wb);
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setVerticalAlignment(VerticalAlignment.CENTER);
            head.setWrapText(true);
            CellStyle text = PrintLayout.bordered(wb);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            text.setWrapText(true);
            CellStyle number = PrintLayout.bordered(wb);
            number.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle date = PrintLayout.bordered(wb);
            date.setVerticalAlignment(VerticalAlignment.TOP);
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle decimal = PrintLayout.bordered(wb);
            decimal.setVerticalAlignment(VerticalAlignment.TOP);
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            for (Table t : tables) {
                Sheet sheet = wb.createSheet(t.name());
                int columns = t.columns().size();
                int r = 0;
                if (t.title() != null && columns > 0) {
                    Row titleRow = sheet.createRow(r++);
                    titleRow.setHeightInPoints(24);
                    Cell cell = titleRow.createCell(0);
                    cell.setCellValue(t.title());
                    cell.setCellStyle(title);
                    if (columns > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
                    }
                }
                Row h = sheet.createRow(r++);
                for (int c = 0; c < columns; c++) {
                    Cell cell = h.createCell(c);
                    cell.setCellValue(t.columns().get(c).header());
                    cell.setCellStyle(head);
                    sheet.setColumnWidth(c, Math.min(255, t.columns().get(c).width()) * 256);
                }
                sheet.createFreezePane(0, r);
                PrintLayout.apply(sheet, r, columns);
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(r++);
                    // every column gets a cell, empty ones too, so the printed grid has no gaps in its borders
                    for (int c = 0; c < Math.max(columns, values.size()); c++) {
                        Object v = c < values.size() ? values.get(c) : null;
                        Cell cell = row.createCell(c);
                        if (v == null) {
                            cell.setCellStyle(text);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal
                                    ? decimal : number);
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else {
                            cell.setCellValue(v.toString());
                            cell.setCellStyle(text);
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
