package io.duban.task.proposal;

import io.duban.common.document.PrintLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A session's 办理情况统计表: sheet 1 the numbers per 主办 unit with the session's total (合计) last, sheet 2 every
 * proposal (编号, 案由, 主办单位, 答复期限, 答复日期, 解决情况, 满意度). Printed A4 landscape, fit to the page width, the
 * title and header rows repeated on every page.
 */
public final class ProposalWorkbook {

    public static final List<String> HEADERS = List.of("主办单位", "交办件数", "按时答复", "逾期答复", "尚未答复", "其中已逾期",
            "A类", "B类", "C类", "D类", "A类占比", "反馈件数", "满意", "基本满意", "不满意", "满意率", "重新办理");
    public static final List<String> DETAIL_HEADERS = List.of("编号", "案由", "主办单位", "答复期限", "答复日期", "解决情况", "满意度",
            "重新办理");

    private ProposalWorkbook() {
    }

    /** The cells of one numbers line, in {@link #HEADERS} order. */
    public static List<String> values(ProposalNumbers.Line l) {
        List<String> v = new ArrayList<>();
        v.add(l.unitName() == null ? "合计" : l.unitName());
        for (int n : new int[] {l.assigned(), l.answeredOnTime(), l.answeredLate(), l.notAnswered(), l.overdue()}) {
            v.add(Integer.toString(n));
        }
        for (Terms.Outcome o : Terms.Outcome.values()) {
            v.add(Integer.toString(l.outcomes().get(o)));
        }
        v.add(percent(l.outcomeShares().get(Terms.Outcome.A)));
        for (int n : new int[] {l.feedback(), l.satisfied(), l.basicallySatisfied(), l.unsatisfied()}) {
            v.add(Integer.toString(n));
        }
        v.add(percent(l.satisfactionRate()));
        v.add(Integer.toString(l.reopened()));
        return v;
    }

    static String percent(BigDecimal p) {
        return p == null ? "—" : p.toPlainString() + "%";
    }

    public static byte[] xlsx(String title, ProposalNumbers.Numbers numbers, List<ProposalNumbers.Fact> facts) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle titleStyle = wb.createCellStyle();
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            titleStyle.setFont(big);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle head = PrintLayout.bordered(wb);
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setWrapText(true);
            CellStyle body = PrintLayout.bordered(wb);
            body.setWrapText(true);

            List<List<String>> rows = new ArrayList<>();
            numbers.units().forEach(l -> rows.add(values(l)));
            rows.add(values(numbers.total()));
            sheet(wb, "办理情况统计表", title + "办理情况统计表（截至" + ReplyLetter.ChineseDay.of(numbers.asOf()) + "）", HEADERS, rows,
                    titleStyle, head, body, 10);

            List<List<String>> detail = new ArrayList<>();
            for (ProposalNumbers.Fact f : facts) {
                detail.add(List.of(f.number(), f.title(), String.join("、", f.leads()), ReplyLetter.ChineseDay.of(f.firstDue()),
                        f.firstReply() == null ? "未答复" : ReplyLetter.ChineseDay.of(f.firstReply()),
                        f.outcome() == null ? "" : f.outcome().name() + " " + f.outcome().label,
                        f.satisfaction() == null ? "" : f.satisfaction().label, f.reopenCount() > 0 ? "是" : ""));
            }
            sheet(wb, "办理明细", title + "办理明细", DETAIL_HEADERS, detail, titleStyle, head, body, 14);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook wb, String name, String title, List<String> headers, List<List<String>> rows,
            CellStyle titleStyle, CellStyle head, CellStyle body, int width) {
        Sheet sheet = wb.createSheet(name);
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(title);
        t.setCellStyle(titleStyle);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        Row h = sheet.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(head);
            sheet.setColumnWidth(i, (i == 0 || headers.get(i).equals("案由") || headers.get(i).equals("主办单位") ? 3 * width : width) * 256);
        }
        int n = 2;
        for (List<String> values : rows) {
            Row row = sheet.createRow(n++);
            for (int i = 0; i < values.size(); i++) {
                Cell c = row.createCell(i);
                c.setCellValue(values.get(i));
                c.setCellStyle(body);
            }
        }
        sheet.createFreezePane(0, 2);
        PrintLayout.apply(sheet, 2, headers.size());
    }
}
