package io.duban.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * Lays an {@link OfficialDocument} out as a Word file the way 党政机关公文格式 (GB/T 9704) has it:
 * A4, margins 37/35/28/26 mm (top/bottom/left/right), title 方正小标宋简体 二号 centred, body
 * 仿宋_GB2312 三号 at a fixed 28 pt line pitch, 一、 headings 黑体 and （一） headings 楷体_GB2312,
 * page numbers "— 1 —" in the footer, issuer and date right-aligned at the end. Offices have
 * these fonts installed; Word substitutes where they are missing.
 */
public final class DocxWriter {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String H1_FONT = "黑体";
    public static final String H2_FONT = "楷体_GB2312";
    public static final int TITLE_PT = 22;
    public static final int BODY_PT = 16;
    /** 五号: tables of numbers and dates fit their columns without breaking "100.00%" or a date. */
    static final double TABLE_PT = 10.5;
    /** Fixed line pitch of the body in points (28–29 pt puts 22 lines on an A4 page). */
    static final double LINE_PT = 28;
    /** Two characters of 三号 text: the first-line indent of a paragraph. */
    private static final int INDENT_TWIPS = 2 * BODY_PT * 20;
    private static final int A4_W = 11906;
    private static final int A4_H = 16838;
    private static final int TEXT_WIDTH = A4_W - mm(28) - mm(26);

    private DocxWriter() {
    }

    public static byte[] write(OfficialDocument doc) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(d);
            defaults(d);
            XWPFParagraph title = d.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(BODY_PT * 20);
            run(title, doc.title(), TITLE_FONT, TITLE_PT, false);
            if (doc.subtitle() != null && !doc.subtitle().isBlank()) {
                XWPFParagraph sub = d.createParagraph();
                sub.setAlignment(ParagraphAlignment.CENTER);
                lines(sub);
                run(sub, doc.subtitle(), H2_FONT, BODY_PT, false);
            }
            for (OfficialDocument.Block b : doc.body()) {
                if (b instanceof OfficialDocument.Heading h) {
                    run(body(d), h.text(), h.level() == 1 ? H1_FONT : H2_FONT, BODY_PT, false);
                } else if (b instanceof OfficialDocument.Paragraph para) {
                    run(body(d), para.text(), BODY_FONT, BODY_PT, false);
                } else if (b instanceof OfficialDocument.Table t) {
                    table(d, t);
                }
            }
            // 成文日期 under the issuer, both right-aligned and kept four characters from the margin.
            d.createParagraph();
            for (String line : List.of(doc.issuer(), ChineseDates.format(doc.date()))) {
                XWPFParagraph p = d.createParagraph();
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setIndentationRight(2 * INDENT_TWIPS);
                lines(p);
                run(p, line, BODY_FONT, BODY_PT, false);
            }
            footer(d);
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().isSetSectPr() ? d.getDocument().getBody().getSectPr()
                : d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_W));
        size.setH(BigInteger.valueOf(A4_H));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar m = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        m.setTop(BigInteger.valueOf(mm(37)));
        m.setBottom(BigInteger.valueOf(mm(35)));
        m.setLeft(BigInteger.valueOf(mm(28)));
        m.setRight(BigInteger.valueOf(mm(26)));
        m.setFooter(BigInteger.valueOf(mm(25)));
        m.setHeader(BigInteger.valueOf(mm(15)));
    }

    /** 仿宋_GB2312 as the document's default font, no paragraph spacing: what table cells inherit. */
    private static void defaults(XWPFDocument d) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(BODY_FONT);
        fonts.setHAnsi(BODY_FONT);
        fonts.setEastAsia(BODY_FONT);
        fonts.setCs(BODY_FONT);
        d.createStyles().setDefaultFonts(fonts);
    }

    private static XWPFParagraph body(XWPFDocument d) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(INDENT_TWIPS);
        lines(p);
        return p;
    }

    private static void lines(XWPFParagraph p) {
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, int pt, boolean bold) {
        XWPFRun r = p.createRun();
        if (text != null && !text.isEmpty()) {
            r.setText(text);
        }
        font(r, font);
        r.setFontSize(pt);
        if (bold) {
            r.setBold(true);
        }
        return r;
    }

    private static void font(XWPFRun r, String font) {
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
    }

    private static void table(XWPFDocument d, OfficialDocument.Table t) {
        int cols = t.headers().size();
        XWPFTable table = d.createTable(1 + t.rows().size(), cols);
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        // fixed layout: Word takes the grid's widths instead of measuring every cell's text
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setRightBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        // narrow side margins (3 pt) leave short columns room for 排名 and 合计
        table.setCellMargins(0, 60, 0, 60);
        int total = t.widths().stream().mapToInt(Integer::intValue).sum();
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int[] twips = new int[cols];
        for (int c = 0; c < cols; c++) {
            twips[c] = (int) ((long) TEXT_WIDTH * t.widths().get(c) / total);
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < cols; c++) {
            cell(header.getCell(c), t.headers().get(c), H1_FONT, twips[c], true);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            List<String> values = t.rows().get(r);
            for (int c = 0; c < cols; c++) {
                cell(row.getCell(c), c < values.size() ? values.get(c) : "", BODY_FONT, twips[c], false);
            }
        }
        // a table may not touch the paragraph after it
        d.createParagraph();
    }

    /**
     * One table cell. Body cells set only what differs from the document defaults (font, spacing):
     * a county's 逾期事项 table can have thousands of rows and every XML element costs.
     */
    private static void cell(XWPFTableCell cell, String text, String font, int width, boolean header) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        if (header) {
            cell.setWidth(Integer.toString(width));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        }
        if (header || text.length() <= 8) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        XWPFRun r = p.createRun();
        if (!text.isEmpty()) {
            r.setText(text);
        }
        if (header) {
            font(r, font);
        }
        r.setFontSize(TABLE_PT);
    }

    /** "— 1 —" centred: the number is a PAGE field so Word fills in each page's own. */
    private static void footer(XWPFDocument d) {
        XWPFFooter footer = d.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", "宋体", 14, false);
        run(p, "", "宋体", 14, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = run(p, "", "宋体", 14, false);
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        run(p, "", "宋体", 14, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", "宋体", 14, false);
        run(p, "", "宋体", 14, false).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", "宋体", 14, false);
    }

    private static int mm(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }
}
