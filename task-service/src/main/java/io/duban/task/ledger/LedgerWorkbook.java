package io.duban.task.ledger;

import io.duban.common.document.PrintLayout;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.assignment.Transition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 工作台账 as a county office keeps it in Excel: a title row (单位 + 工作台账), then 序号, 工作任务, 工作要求,
 * 责任科室, 责任人, 工作措施, 计划完成时间, 时限要求, 进展情况 — one sheet per unit.
 */
public final class LedgerWorkbook {

    public static final List<String> HEADERS = List.of("序号", "工作任务", "工作要求", "责任科室", "责任人", "工作措施", "计划完成时间",
            "时限要求", "进展情况");
    private static final int[] WIDTHS = {6, 18, 48, 14, 18, 40, 14, 18, 30};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** One unit's sheet. */
    public record UnitLedger(String unitName, List<LedgerRow> rows) {
    }

    private LedgerWorkbook() {
    }

    public static byte[] xlsx(String planTitle, List<UnitLedger> units) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle title = wb.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            CellStyle head = PrintLayout.bordered(wb);
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle body = PrintLayout.bordered(wb);
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            Set<String> names = new HashSet<>();
            for (UnitLedger u : units) {
                Sheet sheet = wb.createSheet(sheetName(u.unitName(), names));
                Row t = sheet.createRow(0);
                Cell tc = t.createCell(0);
                tc.setCellValue(u.unitName() + "工作台账" + (planTitle == null ? "" : "（" + planTitle + "）"));
                tc.setCellStyle(title);
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
                Row h = sheet.createRow(1);
                for (int i = 0; i < HEADERS.size(); i++) {
                    Cell c = h.createCell(i);
                    c.setCellValue(HEADERS.get(i));
                    c.setCellStyle(head);
                    sheet.setColumnWidth(i, WIDTHS[i] * 256);
                }
                sheet.createFreezePane(0, 2);
                PrintLayout.apply(sheet, 2, HEADERS.size());
                int n = 2;
                for (LedgerRow r : u.rows()) {
                    Row row = sheet.createRow(n++);
                    List<String> values = values(r);
                    for (int i = 0; i < values.size(); i++) {
                        Cell c = row.createCell(i);
                        if (i == 0) {
                            c.setCellValue(r.seq());
                        } else {
                            c.setCellValue(values.get(i));
                        }
                        c.setCellStyle(body);
                    }
                }
            }
            if (units.isEmpty()) {
                wb.createSheet("工作台账").createRow(0).createCell(0).setCellValue("没有责任单位");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row's cells as text, in {@link #HEADERS} order; an entry not yet filled leaves its cells empty. */
    public static List<String> values(LedgerRow r) {
        String owner = r.owner() == null ? "" : r.owner() + (r.ownerPhone() == null ? "" : "（" + r.ownerPhone() + "）");
        return List.of(String.valueOf(r.seq()), String.join(" / ", r.category()), nz(r.requirement()), nz(r.office()), owner,
                nz(r.measures()), r.plannedOn() == null ? "" : DAY.format(r.plannedOn()), nz(r.deadlineText()), progress(r));
    }

    static String progress(LedgerRow r) {
        AssignmentStatus s;
        try {
            s = AssignmentStatus.valueOf(r.status());
        } catch (RuntimeException e) {
            return nz(r.status());
        }
        String label = Transition.label(s);
        if (s == AssignmentStatus.DONE && r.completedOn() != null) {
            label += "（" + DAY.format(r.completedOn()) + "）";
        }
        return r.latestNote() == null || r.latestNote().isBlank() ? label : label + "：" + r.latestNote();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Excel's sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
    public static String sheetName(String unitName, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(unitName == null || unitName.isBlank() ? "单位" : unitName);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase()); i++) {
            String suffix = "(" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
