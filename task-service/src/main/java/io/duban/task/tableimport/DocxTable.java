package io.duban.task.tableimport;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads the tables of a Word document (a 通知's attachment is usually one). Grid columns are
 * followed through {@code w:gridSpan} (the extra columns are spanned, null) and
 * {@code w:vMerge} continuation cells take the text of the cell above. All tables are read in
 * order, so a table split across pages by the author comes through as one grid. Bold runs are
 * marked ({@link Emphasis}): some years print the 牵头 unit in bold. The body's paragraphs come
 * along for a document that has no table (an 实施意见 written as prose).
 */
final class DocxTable {

    /** The tables as one grid, and the body paragraphs outside tables. */
    record Content(List<List<String>> grid, List<String> paragraphs) {
    }

    private DocxTable() {
    }

    static List<List<String>> read(byte[] body) {
        Content c = readAll(body);
        if (c.grid().isEmpty()) {
            throw UnreadableSource.invalidField("body", "Word 文件中没有表格。");
        }
        return c.grid();
    }

    static Content readAll(byte[] body) {
        try (XWPFDocument doc = new XWPFDocument(TableReader.stream(body))) {
            List<String> paragraphs = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (paragraphs.size() >= TableReader.MAX_ROWS) {
                    throw TableReader.tooManyRows();
                }
                paragraphs.add(p.getText());
            }
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTable table : doc.getTables()) {
                List<String> previous = null;
                for (XWPFTableRow tr : table.getRows()) {
                    if (rows.size() >= TableReader.MAX_ROWS) {
                        throw TableReader.tooManyRows();
                    }
                    List<String> row = new ArrayList<>();
                    for (XWPFTableCell cell : tr.getTableCells()) {
                        CTTcPr pr = cell.getCTTc().getTcPr();
                        int span = pr != null && pr.isSetGridSpan() ? ((BigInteger) pr.getGridSpan().getVal()).intValue() : 1;
                        boolean continued = pr != null && pr.isSetVMerge()
                                && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
                        int col = row.size();
                        String text = continued
                                ? (previous != null && col < previous.size() && previous.get(col) != null ? previous.get(col) : "")
                                : text(cell);
                        row.add(text);
                        for (int i = 1; i < span; i++) {
                            row.add(null);
                        }
                    }
                    rows.add(row.size() > TableReader.MAX_COLUMNS ? new ArrayList<>(row.subList(0, TableReader.MAX_COLUMNS)) : row);
                    previous = row;
                }
                rows.add(new ArrayList<>());
            }
            return new Content(rows, paragraphs);
        } catch (UnreadableSource e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw XlsxTable.unreadable("DOCX", e);
        }
    }

    private static String text(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            List<XWPFRun> runs = p.getRuns();
            boolean anyBold = false;
            for (XWPFRun r : runs) {
                anyBold |= r.isBold() && !r.text().isBlank();
            }
            if (!anyBold) {
                b.append(p.getText());
                continue;
            }
            for (XWPFRun r : runs) {
                String t = r.text();
                b.append(r.isBold() && !t.isBlank() ? Emphasis.bold(t) : t);
            }
        }
        return b.toString().strip();
    }
}
