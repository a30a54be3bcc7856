package io.duban.common.document;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a county office expects a table to come out of its printer: A4, landscape when the columns are wider than a
 * portrait page, scaled to one page wide (as many pages tall as it takes), the title and header rows repeated on
 * every page, centred, thin borders around every cell, and "第 N 页，共 M 页" at the foot. Every workbook duban
 * writes goes through here, so a 考核 sheet no longer prints as bare columns split across pages.
 */
public final class PrintLayout {

    /**
     * Column widths, in characters, that still fit an A4 portrait page at 100 % with the margins below: 210 mm less
     * 2 × 15 mm leaves 180 mm, and one character of Excel's default font is about 2 mm wide. Wider tables print in
     * landscape, where fit-to-width shrinks them less.
     */
    static final int PORTRAIT_WIDTH_CHARS = 90;

    private PrintLayout() {
    }

    /**
     * Sets up {@code sheet} for printing.
     *
     * @param repeatedRows how many rows at the top (title and header) repeat on every printed page; 0 for none
     * @param columns      the number of columns in use
     */
    public static void apply(Sheet sheet, int repeatedRows, int columns) {
        int width = 0;
        for (int c = 0; c < columns; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(isLandscape(width));
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        // 0 = as many pages tall as the rows need; only the width is forced onto one page.
        print.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(Sheet.LeftMargin, 0.6);
        sheet.setMargin(Sheet.RightMargin, 0.6);
        sheet.setMargin(Sheet.TopMargin, 0.75);
        sheet.setMargin(Sheet.BottomMargin, 0.75);
        if (repeatedRows > 0 && columns > 0) {
            sheet.setRepeatingRows(new CellRangeAddress(0, repeatedRows - 1, -1, -1));
        }
        // &P and &N are the page number and page count fields of SpreadsheetML's header/footer syntax
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /** Whether columns {@code widthChars} wide go on a landscape page. */
    public static boolean isLandscape(int widthChars) {
        return widthChars > PORTRAIT_WIDTH_CHARS;
    }

    /** A new cell style with a thin border on all four sides. */
    public static CellStyle bordered(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }
}
