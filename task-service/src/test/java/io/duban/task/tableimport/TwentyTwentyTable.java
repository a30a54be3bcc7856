package io.duban.task.tableimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Builds a task table the way the 2020 plan printed it: 具体要求 spans two header columns (a
 * requirement and its numbered sub-items), no 时限 column, the lead first and in bold
 * ("黑体字部门为政务公开工作牵头部门"), merged category cells, an annotation in brackets.
 */
final class TwentyTwentyTable {

    private TwentyTwentyTable() {
    }

    /** Cells of one data row; a cell text wrapped in ** is bold, "^" continues the cell above (vMerge). */
    static byte[] docx(String[]... rows) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("2020年沂源县政务公开工作任务分解表（黑体字部门为政务公开工作牵头部门）");
            XWPFTable table = doc.createTable(1, 4);
            XWPFTableRow header = table.getRow(0);
            String[] names = {"序号", "工作任务", "具体要求", "责任单位"};
            for (int i = 0; i < names.length; i++) {
                text(header.getCell(i), names[i]);
            }
            CTTcPr span = header.getCell(2).getCTTc().isSetTcPr() ? header.getCell(2).getCTTc().getTcPr()
                    : header.getCell(2).getCTTc().addNewTcPr();
            span.addNewGridSpan().setVal(BigInteger.valueOf(2));
            for (String[] cells : rows) {
                XWPFTableRow tr = table.createRow();
                while (tr.getTableCells().size() < cells.length) {
                    tr.addNewTableCell();
                }
                for (int i = 0; i < cells.length; i++) {
                    XWPFTableCell cell = tr.getCell(i);
                    if ("^".equals(cells[i])) {
                        CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                        pr.addNewVMerge().setVal(STMerge.CONTINUE);
                        text(cell, "");
                    } else {
                        text(cell, cells[i]);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with **bold** parts as bold runs. */
    private static void text(XWPFTableCell cell, String text) {
        XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        String[] parts = text.split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            var run = p.createRun();
            run.setText(parts[i]);
            run.setBold(i % 2 == 1);
        }
    }

    /** The sample used by the tests: three tasks under two 工作任务. */
    static byte[] sample() {
        return docx(
                new String[] {"1", "推进政务公开标准化规范化", "加强基层政务公开", "（1）梳理基层政务公开事项目录",
                        "**县文化和旅游局**, 县委宣传部等有关部门、有关单位, 各镇(街道)"},
                new String[] {"2", "^", "^", "（2）规范公开流程", "县委宣传部, **县文化和旅游局**(涉密信息除外)"},
                new String[] {"3", "深化重点领域信息公开", "做好财政预决算公开", "", "县财政局"});
    }
}
