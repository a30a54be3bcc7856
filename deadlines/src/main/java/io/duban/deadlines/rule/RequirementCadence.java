package io.duban.deadlines.rule;

import io.duban.deadlines.text.TextNormalizer;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule of a 常态化 duty whose list has no 时限 column: the cadence is written inside the
 * requirement ("按月公开财政收支…", "于每年1月31日前公开…", "…清理结果（至少每隔 2 年清理一次）",
 * "及时公开…", "定期发布…"). Never Unparsed: a standing duty without a cadence word is ONGOING
 * (judged by inspection), so none of these rows needs review.
 *
 * <p>Dated cadences win over 及时 (a requirement may say both); in order: 按月/每月(N日前),
 * 每半年, 按季度/每季度, 每年M月D日前 / 每年M月底前, (至少)每(隔)N年, 至少N周 / 每N周 / 每周,
 * 及时 (not 不及时) → ASAP, anything else (定期, 常态化, plain statements) → ONGOING.
 */
public final class RequirementCadence {

    private static final String NUM = "([0-9]{1,3}|[一二两三四五六七八九十]{1,3})";
    private static final Pattern MONTHLY_DAY = Pattern.compile("(?:按月|每月)" + NUM + "[日号]前");
    private static final Pattern MONTHLY = Pattern.compile("按月|每月|每个月|逐月");
    private static final Pattern HALF_YEARLY = Pattern.compile("每半年|按半年");
    private static final Pattern QUARTERLY = Pattern.compile("按季度|每季度|按季|每季|每个季度|逐季");
    private static final Pattern YEARLY_DAY = Pattern.compile("每年(?:度)?" + NUM + "月" + NUM + "[日号]");
    private static final Pattern YEARLY_MONTH_END = Pattern.compile("每年(?:度)?" + NUM + "月(?:底|末)");
    private static final Pattern EVERY_N_YEARS = Pattern.compile("每(?:隔)?" + NUM + "年");
    private static final Pattern EVERY_N_WEEKS = Pattern.compile("(?:至少(?:每(?:隔)?)?|每(?:隔)?)" + NUM + "(?:周|个星期)");
    private static final Pattern WEEKLY = Pattern.compile("每周|按周|每星期");
    private static final Pattern ASAP = Pattern.compile("(?<!不)(?:及时|即时|第一时间|实时)");

    private RequirementCadence() {
    }

    /** The rule a requirement's own words give (RECURRING, ASAP or ONGOING). */
    public static DeadlineRule of(String requirement) {
        if (requirement == null) {
            return new DeadlineRule.Ongoing();
        }
        String s = TextNormalizer.normalize(requirement.length() > 4000 ? requirement.substring(0, 4000) : requirement);
        Matcher m;
        if ((m = MONTHLY_DAY.matcher(s)).find()) {
            int day = DeadlineParser.number(m.group(1));
            if (day >= 1 && day <= 31) {
                return new DeadlineRule.Recurring(Frequency.MONTHLY, 1, null, day);
            }
        }
        if (MONTHLY.matcher(s).find()) {
            return new DeadlineRule.Recurring(Frequency.MONTHLY, 1, null, null);
        }
        if (HALF_YEARLY.matcher(s).find()) {
            return new DeadlineRule.Recurring(Frequency.MONTHLY, 6, null, null);
        }
        if (QUARTERLY.matcher(s).find()) {
            return new DeadlineRule.Recurring(Frequency.QUARTERLY, 1, null, null);
        }
        if ((m = YEARLY_DAY.matcher(s)).find()) {
            int month = DeadlineParser.number(m.group(1));
            int day = DeadlineParser.number(m.group(2));
            if (month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength()) {
                return new DeadlineRule.Recurring(Frequency.YEARLY, 1, month, day);
            }
        }
        if ((m = YEARLY_MONTH_END.matcher(s)).find()) {
            int month = DeadlineParser.number(m.group(1));
            if (month >= 1 && month <= 12) {
                return new DeadlineRule.Recurring(Frequency.YEARLY, 1, month, Month.of(month).maxLength());
            }
        }
        if ((m = EVERY_N_YEARS.matcher(s)).find()) {
            int n = DeadlineParser.number(m.group(1));
            if (n >= 1 && n <= 10) {
                return new DeadlineRule.Recurring(Frequency.YEARLY, n, null, null);
            }
        }
        if ((m = EVERY_N_WEEKS.matcher(s)).find()) {
            int n = DeadlineParser.number(m.group(1));
            if (n >= 1 && n <= 52) {
                return new DeadlineRule.Recurring(Frequency.EVERY_N_WEEKS, n, null, null);
            }
        }
        if (WEEKLY.matcher(s).find()) {
            return new DeadlineRule.Recurring(Frequency.EVERY_N_WEEKS, 1, null, null);
        }
        if (ASAP.matcher(s).find()) {
            return new DeadlineRule.Asap();
        }
        return new DeadlineRule.Ongoing();
    }
}
