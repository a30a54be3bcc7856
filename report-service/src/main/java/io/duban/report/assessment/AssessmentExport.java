package io.duban.report.assessment;

import io.duban.report.document.SpreadsheetWriter;
import io.duban.report.document.SpreadsheetWriter.Column;
import io.duban.report.finding.Finding;
import io.duban.report.obligation.ObligationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The 考核 as tables: 汇总 (rank, unit, parts, total), 任务明细 (every obligation), 检查问题 (findings). */
public final class AssessmentExport {

    static final List<Column> SUMMARY = List.of(new Column("排名", 6), new Column("单位", 28), new Column("到期事项", 10),
            new Column("按时办结", 10), new Column("逾期办结", 10), new Column("逾期未办结", 12), new Column("未到期", 8),
            new Column("任务扣分", 10), new Column("任务得分", 10), new Column("检查扣分", 10), new Column("检查得分", 10),
            new Column("综合得分", 10), new Column("退回次数", 10));

    private AssessmentExport() {
    }

    public static List<SpreadsheetWriter.Table> tables(Assessment.Full full) {
        return List.of(summary(full.assessment()), details(full), findings(full.assessment()));
    }

    /** The 建议提案 part's columns, inserted before 综合得分 when the scheme weighs the part. */
    static final List<Column> PROPOSALS = List.of(new Column("办理建议提案", 12), new Column("按时答复", 10), new Column("逾期答复", 10),
            new Column("未答复", 8), new Column("满意率(%)", 10), new Column("重新办理", 10), new Column("建议提案扣分", 12),
            new Column("建议提案得分", 12));

    public static SpreadsheetWriter.Table summary(Assessment a) {
        boolean proposals = a.scheme() != null && a.scheme().proposalsPart().share() > 0;
        List<Column> columns = new ArrayList<>(SUMMARY);
        if (proposals) {
            columns.addAll(columns.size() - 2, PROPOSALS);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment.UnitResult u : a.units()) {
            List<Object> row = new ArrayList<>(Arrays.asList(u.rank(), u.unitName(), u.task().due(), u.task().onTime(), u.task().doneLate(),
                    u.task().overdueOpen(), u.task().pending(), u.task().deduction(), u.task().score(),
                    u.inspection().points().doubleValue(), u.inspection().score()));
            if (proposals) {
                Assessment.ProposalPart p = u.proposals();
                row.addAll(p == null ? java.util.Collections.nCopies(PROPOSALS.size(), null)
                        : Arrays.asList(p.handled(), p.answeredOnTime(), p.answeredLate(), p.notAnswered(),
                        p.satisfactionRate() == null ? null : p.satisfactionRate().doubleValue(), p.reopened(), p.deduction(), p.score()));
            }
            row.add(u.total());
            row.add(u.returns());
            rows.add(row);
        }
        return new SpreadsheetWriter.Table("汇总", title(a, "结果汇总"), columns, rows);
    }

    static SpreadsheetWriter.Table details(Assessment.Full full) {
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment.ObligationLine o : full.obligations()) {
            rows.add(Arrays.asList(o.unitName(), role(o.role()), o.taskSeq(), o.requirement(), o.rule(), o.dueOn(),
                    o.completedOn(), ObligationStatus.label(o.status()), o.workdaysLate()));
        }
        return new SpreadsheetWriter.Table("任务明细", title(full.assessment(), "任务明细"), List.of(new Column("单位", 24), new Column("角色", 8),
                new Column("任务序号", 10), new Column("工作要求", 60), new Column("时限要求", 30), new Column("到期日", 12),
                new Column("办结日", 12), new Column("状态", 12), new Column("逾期工作日", 12)), rows);
    }

    static SpreadsheetWriter.Table findings(Assessment a) {
        List<List<Object>> rows = new ArrayList<>();
        for (Assessment.UnitResult u : a.units()) {
            for (Assessment.FindingLine f : u.inspection().findings()) {
                rows.add(Arrays.asList(u.unitName(), f.foundOn(), source(f.source()), f.description(), f.points().doubleValue()));
            }
        }
        return new SpreadsheetWriter.Table("检查问题", title(a, "检查发现问题"), List.of(new Column("单位", 24), new Column("发现日期", 12),
                new Column("来源", 10), new Column("问题描述", 60), new Column("扣分", 8)), rows);
    }

    /** The printed heading of a sheet: the year, what is assessed, the sheet's part, and the as-of day it counts to. */
    static String title(Assessment a, String part) {
        return a.year() + "年度政务公开工作考核" + part + "（截至" + a.asOf().getYear() + "年" + a.asOf().getMonthValue() + "月"
                + a.asOf().getDayOfMonth() + "日）";
    }

    static String role(String role) {
        return switch (role == null ? "" : role) {
            case "LEAD" -> "牵头";
            case "RESPONSIBLE" -> "负责";
            case "CO" -> "配合";
            default -> role;
        };
    }

    private static String source(String s) {
        try {
            return Finding.Source.valueOf(s).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return s;
        }
    }
}
