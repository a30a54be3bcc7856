package io.duban.report.bulletin;

import io.duban.report.common.AsOf;
import io.duban.report.document.ChineseDates;
import io.duban.report.document.OfficialDocument;
import io.duban.report.finding.Finding;
import io.duban.report.obligation.ObligationStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes a bulletin's frozen content as the text of a 公文 (the same text for Word and HTML). */
public final class BulletinDocument {

    private BulletinDocument() {
    }

    public static OfficialDocument of(Bulletin b) {
        BulletinContent c = b.content();
        String q = "第" + ChineseDates.number(c.quarter()) + "季度";
        OfficialDocument.Builder d = OfficialDocument.builder(c.title())
                .subtitle(c.profile().bulletinOffice() + (Bulletin.PUBLISHED.equals(b.status()) ? "" : "（草稿）"));
        d.paragraph("为推动" + c.year() + "年政务公开重点工作任务落到实处，现将" + q + "（" + ChineseDates.format(c.periodFrom())
                + "至" + ChineseDates.format(c.periodTo()) + "）任务落实情况通报如下（统计截至" + ChineseDates.format(c.asOf()) + "）。");

        d.heading("总体情况");
        BulletinContent.Totals t = c.overall();
        StringBuilder s = new StringBuilder("本季度到期应办事项" + t.due() + "项，其中按时办结" + t.onTime() + "项，逾期办结"
                + t.late() + "项，逾期未办结" + t.overdue() + "项");
        if (t.pending() > 0) {
            s.append("，截至统计日尚未逾期、仍在办理").append(t.pending()).append("项");
        }
        s.append("；按时办结率").append(percent(t.onTimeRate())).append("。");
        BulletinContent.Totals p = c.previous().totals();
        if (p.due() == 0) {
            s.append("上季度无到期事项，不作比较。");
        } else {
            s.append("与上季度（到期").append(p.due()).append("项，按时办结率").append(percent(p.onTimeRate()))
                    .append("）相比，到期事项").append(delta(c.change().due(), "项")).append("，逾期未办结")
                    .append(delta(c.change().overdue(), "项"));
            if (c.change().onTimeRate() != null) {
                s.append("，按时办结率").append(rateDelta(c.change().onTimeRate()));
            }
            s.append("。");
        }
        d.paragraph(s.toString());

        d.heading("各单位完成情况");
        if (c.units().isEmpty()) {
            d.paragraph("本季度无到期事项。");
        } else {
            d.paragraph("各单位牵头或负责的到期事项完成情况如下（以按时办结率排名，并列者名次相同）。");
            List<List<String>> rows = new ArrayList<>();
            for (BulletinContent.UnitRow u : c.units()) {
                rows.add(List.of(Integer.toString(u.rank()), u.unitName(), Long.toString(u.due()), Long.toString(u.onTime()),
                        Long.toString(u.late()), Long.toString(u.overdue()), percent(u.onTimeRate()), Long.toString(u.returns())));
            }
            rows.add(List.of("合计", "", Long.toString(t.due()), Long.toString(t.onTime()), Long.toString(t.late()),
                    Long.toString(t.overdue()), percent(t.onTimeRate()),
                    Long.toString(c.units().stream().mapToLong(BulletinContent.UnitRow::returns).sum())));
            // 办结审核: completions count only once accepted; a 退回 is shown per unit, not scored
            d.table(List.of("排名", "单位", "到期事项", "按时办结", "逾期办结", "逾期未办结", "按时办结率", "退回次数"), rows,
                    List.of(8, 20, 10, 10, 10, 11, 12, 9));
        }

        d.heading("逾期事项");
        if (c.lateItems().isEmpty()) {
            d.paragraph("本季度无逾期事项。");
        } else {
            d.paragraph("本季度逾期办结或逾期未办结的事项共" + c.lateItems().size() + "项，逐项列示如下。");
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (BulletinContent.LateItem i : c.lateItems()) {
                rows.add(List.of(Integer.toString(n++), i.unitName(), i.taskSeq() == null ? "" : i.taskSeq().toString(),
                        i.requirement() == null ? "" : i.requirement(), i.dueOn().toString(), Integer.toString(i.workdaysLate()),
                        ObligationStatus.label(i.status())));
            }
            d.table(List.of("序号", "单位", "任务序号", "工作要求", "到期日", "逾期工作日", "状态"), rows,
                    List.of(8, 18, 9, 28, 16, 10, 15));
        }

        d.heading("抽测检查问题");
        if (c.findings().isEmpty()) {
            d.paragraph("本季度日常抽测和检查未发现问题。");
        } else {
            BigDecimal all = c.findings().stream().map(BulletinContent.UnitFindings::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            d.paragraph("本季度日常抽测、季度检查发现问题" + c.findings().stream().mapToInt(f -> f.items().size()).sum()
                    + "个，涉及" + c.findings().size() + "个单位，共扣" + points(all) + "分。");
            List<List<String>> rows = new ArrayList<>();
            for (BulletinContent.UnitFindings f : c.findings()) {
                for (BulletinContent.FindingItem i : f.items()) {
                    rows.add(List.of(f.unitName(), i.foundOn().toString(), label(i.source()), i.description(), points(i.points()),
                            i.rectification() == null ? "—" : i.rectification()));
                }
            }
            d.table(List.of("单位", "发现日期", "来源", "问题", "扣分", "整改情况"), rows, List.of(14, 13, 9, 36, 7, 13));
        }

        if (c.supervision() != null) {
            d.heading("延期情况");
            if (c.supervision().extensions().isEmpty()) {
                d.paragraph("本季度未批准延期。");
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (BulletinContent.UnitExtensions u : c.supervision().extensions()) {
                    for (BulletinContent.ExtensionLine x : u.items()) {
                        rows.add(List.of(u.unitName(), x.taskSeq() == null ? "" : String.valueOf(x.taskSeq()),
                                x.previousDueOn().toString(), x.dueOn().toString(), x.grantedOn().toString(),
                                (x.requested() ? "单位申请：" : "直接延期：") + x.reason()));
                    }
                }
                d.paragraph("本季度批准延期" + rows.size() + "项，涉及" + c.supervision().extensions().size() + "个单位。");
                d.table(List.of("单位", "任务序号", "原到期日", "延至", "批准日期", "理由"), rows, List.of(16, 9, 15, 15, 15, 30));
            }
            if (c.supervision().urged() != null && !c.supervision().urged().isEmpty()) {
                d.subheading("多次催办");
                d.paragraph(c.supervision().urged().stream().map(u -> u.unitName() + "（" + u.urges() + "次）")
                        .collect(Collectors.joining("、")) + "本季度被催办超过" + c.supervision().urgeThreshold() + "次，请切实加快工作进度。");
            }
        }

        d.heading("表扬与通报批评");
        d.subheading("表扬");
        d.paragraph(c.praised().isEmpty() ? "本季度无到期事项全部按时办结且未被发现问题的单位。"
                : c.praised().stream().map(BulletinContent.UnitRef::unitName).collect(Collectors.joining("、"))
                + "到期事项全部按时办结，抽测检查未发现问题，予以表扬。");
        d.subheading("通报批评");
        d.paragraph(c.criticized().isEmpty() ? "本季度无逾期未办结事项。"
                : c.criticized().stream().map(x -> x.unitName() + "（逾期未办结" + x.overdue() + "项）")
                .collect(Collectors.joining("、")) + "存在逾期未办结事项，予以通报批评。");

        d.heading("下一步工作要求");
        for (String para : b.nextSteps().split("\\R+")) {
            if (!para.isBlank()) {
                d.paragraph(para.strip());
            }
        }
        LocalDate date = (b.publishedAt() != null ? b.publishedAt() : b.createdAt()).atZoneSameInstant(AsOf.ZONE).toLocalDate();
        return d.closing(c.profile().issuer(), date);
    }

    /** The 下一步工作要求 a new draft starts with; the supervisor edits it before publishing. */
    public static String defaultNextSteps(BulletinContent c) {
        String office = c.profile() == null ? "" : c.profile().bulletinOffice();
        StringBuilder s = new StringBuilder();
        if (!c.criticized().isEmpty()) {
            s.append("被通报批评的单位要对逾期未办结事项逐项说明原因、明确整改时限，于通报印发之日起10个工作日内将整改情况报")
                    .append(office).append("。\n");
        }
        s.append("各单位要对照任务分解表，提前谋划下季度到期事项，按时保质完成并及时报送进展；")
                .append(office).append("将继续开展日常抽测和季度检查，结果纳入年度考核。");
        return s.toString();
    }

    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    private static String rateDelta(double d) {
        double pts = Math.round(d * 10000) / 100.0;
        if (pts == 0) {
            return "持平";
        }
        return (pts > 0 ? "上升" : "下降") + String.format(Locale.ROOT, "%.2f", Math.abs(pts)) + "个百分点";
    }

    private static String delta(long d, String unit) {
        return d == 0 ? "持平" : (d > 0 ? "增加" : "减少") + Math.abs(d) + unit;
    }

    static String points(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString();
    }

    private static String label(String source) {
        try {
            return Finding.Source.valueOf(source).label();
        } catch (IllegalArgumentException e) {
            return source;
        }
    }
}
