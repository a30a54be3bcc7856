package io.duban.task.tableimport;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Reads the first worksheet of an XLSX by streaming its XML (never the whole workbook model), so
 * a sheet with a million empty rows is refused after {@link TableReader#MAX_ROWS} rows instead of
 * filling the heap. Merged regions ({@code mergeCells}) are applied afterwards.
 */
final class XlsxTable {

    private XlsxTable() {
    }

    static List<List<String>> read(byte[] body) {
        try (OPCPackage pkg = OPCPackage.open(TableReader.stream(body))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw UnreadableSource.invalidField("body", "XLSX 文件中没有工作表。");
            }
            try (InputStream sheet = sheets.next()) {
                return parseSheet(sheet, strings, styles);
            }
        } catch (UnreadableSource e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw unreadable("XLSX", e);
        }
    }

    private static List<List<String>> parseSheet(InputStream in, ReadOnlySharedStringsTable strings, StylesTable styles)
            throws Exception {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader x = f.createXMLStreamReader(in);
        List<List<String>> rows = new ArrayList<>();
        List<CellRangeAddress> merges = new ArrayList<>();
        int rowElements = 0;
        List<String> row = null;
        int col = -1;
        String type = null;
        String style = null;
        StringBuilder value = null;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "row" -> {
                        if (++rowElements > TableReader.MAX_ROWS) {
                            throw TableReader.tooManyRows();
                        }
                        String r = x.getAttributeValue(null, "r");
                        int index = r == null ? rows.size() : Integer.parseInt(r) - 1;
                        if (index >= TableReader.MAX_ROWS) {
                            throw TableReader.tooManyRows();
                        }
                        while (rows.size() < index) {
                            rows.add(new ArrayList<>());
                        }
                        row = new ArrayList<>();
                        rows.add(row);
                        col = -1;
                    }
                    case "c" -> {
                        String ref = x.getAttributeValue(null, "r");
                        col = ref == null ? col + 1 : new CellReference(ref).getCol();
                        type = x.getAttributeValue(null, "t");
                        style = x.getAttributeValue(null, "s");
                        value = new StringBuilder();
                    }
                    case "v", "t" -> {
                        if (value != null) {
                            value.append(x.getElementText());
                        }
                    }
                    case "mergeCell" -> merges.add(CellRangeAddress.valueOf(x.getAttributeValue(null, "ref")));
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("c") && row != null && value != null) {
                if (col < TableReader.MAX_COLUMNS) {
                    String text = value.toString();
                    if ("s".equals(type) && !text.isEmpty()) {
                        text = strings.getItemAt(Integer.parseInt(text.trim())).getString();
                    } else if ("n".equals(type) || type == null) {
                        text = isDate(styles, style) ? chineseDate(text) : plainNumber(text);
                    }
                    while (row.size() <= col) {
                        row.add("");
                    }
                    row.set(col, text);
                }
                value = null;
            }
        }
        for (CellRangeAddress m : merges) {
            applyMerge(rows, m);
        }
        return rows;
    }

    /** Whether the cell's number format shows a date (a 时限 typed as a date is stored as a day serial number). */
    private static boolean isDate(StylesTable styles, String style) {
        if (styles == null || style == null || style.isBlank()) {
            return false;
        }
        try {
            XSSFCellStyle st = styles.getStyleAt(Integer.parseInt(style.trim()));
            return st != null && DateUtil.isADateFormat(st.getDataFormat(), st.getDataFormatString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A date cell as the table shows it to people, e.g. 2023年12月31日 (what the 时限 parser reads). */
    private static String chineseDate(String serial) {
        try {
            double v = Double.parseDouble(serial.trim());
            if (!DateUtil.isValidExcelDate(v)) {
                return plainNumber(serial);
            }
            java.time.LocalDate d = DateUtil.getLocalDateTime(v).toLocalDate();
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        } catch (NumberFormatException e) {
            return serial;
        }
    }

    /** Spreadsheets store 序号 1 as "1" or "1.0"; keep integers integral. */
    private static String plainNumber(String text) {
        if (text.endsWith(".0")) {
            return text.substring(0, text.length() - 2);
        }
        return text;
    }

    /** The origin's text on every covered row of its column; other covered columns are spanned (null). */
    static void applyMerge(List<List<String>> rows, CellRangeAddress m) {
        int first = m.getFirstRow();
        int last = Math.min(m.getLastRow(), rows.size() - 1);
        if (first >= rows.size()) {
            return;
        }
        int c0 = m.getFirstColumn();
        int c1 = Math.min(m.getLastColumn(), TableReader.MAX_COLUMNS - 1);
        List<String> origin = rows.get(first);
        String text = c0 < origin.size() ? origin.get(c0) : "";
        for (int r = first; r <= last; r++) {
            List<String> row = rows.get(r);
            while (row.size() <= c1) {
                row.add("");
            }
            row.set(c0, text);
            for (int c = c0 + 1; c <= c1; c++) {
                row.set(c, null);
            }
        }
    }

    /**
     * The answer to a file POI cannot read: a Chinese sentence for the client, the exception (POI's own words,
     * class names) in the log only.
     */
    static UnreadableSource unreadable(String format, Throwable e) {
        org.jboss.logging.Logger.getLogger(XlsxTable.class).infof(e, "unreadable %s upload", format);
        return UnreadableSource.invalidField("body", "无法读取 " + format + " 文件：文件已损坏、加密或不是 " + format + " 格式。");
    }
}
