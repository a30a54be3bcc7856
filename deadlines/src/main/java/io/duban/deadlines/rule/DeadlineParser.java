package io.duban.deadlines.rule;

import io.duban.deadlines.period.Period;
import io.duban.deadlines.period.PeriodUnit;
import io.duban.deadlines.text.TextNormalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 时限要求 cell into a {@link DeadlineRule}. Never throws and never guesses: what it cannot
 * read is {@link DeadlineRule.Unparsed} with a Chinese reason.
 *
 * <p>The text is first normalised (NFKC: full-width digits and punctuation become ASCII; all white
 * space and control/format characters are removed, so "2023 年年底 前完成" reads as "2023年年底前完成");
 * small Chinese numerals (二十, 两) are read as numbers. Then, in this order:
 * <ol>
 *   <li>RECURRING: 按月/每月(N日前), 每N个月, 每半年, 按季度/每季度, 每年(M月D日前/M月底前), 按年,
 *       (至少)每(隔)N年 → YEARLY with interval N,
 *       每周 / (至少)每N周…一次 / 至少N周内更新一次 → EVERY_N_WEEKS.</li>
 *   <li>FIXED: 2023-12-31 / 2023/12/31 / 2023.12.31, [YYYY年]M月底/末[前], [YYYY年]M月D日[前], YYYY年(年)底/末/内[前], 年底前/今年年底前,
 *       [YYYY年](第)N季度末[前], [YYYY年]上/下半年; a missing year is the plan's year. Text after
 *       the date (前完成, 对…全面规范) is the action and is ignored.</li>
 *   <li>RELATIVE: "&lt;event&gt;之日起/后(的)/起，N 个工作日/日/天/个月/年/周/小时 内…". The event is
 *       classified into a {@link Trigger}; an unrecognised named event is Unparsed (not guessed as
 *       EVENT). No event at all ("48小时内", "5个小时内") is {@link Trigger#EVENT}. N周 is read as
 *       7N calendar days (there is no week unit).</li>
 *   <li>ONGOING: 长期坚持/长期/持续…/常态化; ASAP: 及时/即时/实时/立即/第一时间/随时.</li>
 * </ol>
 * A cell naming a second deadline after the first ("6月底前完成初稿，12月底前定稿") is Unparsed: one
 * rule cannot hold both. Input longer than {@value #MAX_LENGTH} characters is Unparsed ("过长") and
 * its text truncated, so any string returns quickly.
 */
public final class DeadlineParser {

    /** Longer cells are not read (no real 时限要求 comes close); keeps the parser linear-time. */
    public static final int MAX_LENGTH = 1000;

    private static final String NUM = "([0-9]{1,6}|[零〇一二两三四五六七八九十百]{1,6})";
    private static final String YEAR = "([0-9]{4}|[零〇一二三四五六七八九]{4})";
    private static final String BEFORE = "(?:前|之前|以前)";
    private static final String PREFIX = "^(?:须|应|务必|要)?(?:于|在|截至|截止|至)?";

    // --- RECURRING
    private static final Pattern MONTHLY_DAY = Pattern.compile("^(?:至少)?(?:每月|按月|每个月)" + NUM + "[日号]" + BEFORE + "?(.*)$");
    private static final Pattern MONTHLY = Pattern.compile("^(?:至少)?(?:每月|按月|每个月|月度)(.*)$");
    private static final Pattern EVERY_N_MONTHS = Pattern.compile("^(?:至少)?每" + NUM + "个月(.*)$");
    private static final Pattern HALF_YEARLY = Pattern.compile("^(?:至少)?(?:每半年|按半年)(.*)$");
    private static final Pattern QUARTERLY = Pattern.compile("^(?:至少)?(?:按季度|按季|每季度|每季|每个季度)(.*)$");
    private static final Pattern YEARLY_DAY = Pattern.compile("^(?:至少)?(?:每年|每年度)" + NUM + "月" + NUM + "[日号]" + BEFORE + "?(.*)$");
    private static final Pattern YEARLY_MONTH_END = Pattern.compile("^(?:至少)?(?:每年|每年度)" + NUM + "月(?:底|末)" + BEFORE + "?(.*)$");
    private static final Pattern YEARLY = Pattern.compile("^(?:至少)?(?:每年度|每年|按年度|按年)(.*)$");
    private static final Pattern WEEKLY = Pattern.compile("^(?:至少)?(?:每周|每星期|按周)(.*)$");
    private static final Pattern EVERY_N_WEEKS = Pattern.compile("^(?:至少)?(每)?" + NUM + "(?:周|个星期|星期)(?:内|以内|之内)?(.*)$");
    private static final Pattern ONCE = Pattern.compile("(?:一|1)次");
    /** 至少每隔2年清理一次, 每3年: every N years (the plan's year holds one period). */
    private static final Pattern EVERY_N_YEARS = Pattern.compile("^(?:至少)?每(?:隔)?" + NUM + "年(.*)$");
    private static final Pattern EVERY_N_DAYS = Pattern.compile("^(?:至少)?(?:每天|每日|每" + NUM + "(?:天|日|个工作日))");

    // --- FIXED
    private static final Pattern MONTH_END = Pattern.compile(PREFIX + "(?:" + YEAR + "年|(今年|本年|当年))?" + NUM + "月(?:份)?(?:底|末)" + BEFORE + "?(.*)$");
    private static final Pattern MONTH_DAY = Pattern.compile(PREFIX + "(?:" + YEAR + "年|(今年|本年|当年))?" + NUM + "月" + NUM + "[日号]" + BEFORE + "?(.*)$");
    private static final Pattern YEAR_END = Pattern.compile(PREFIX + "(?:" + YEAR + "年|(今年|本年|当年)|())(?:年底|年末|年内|年度内|底|末|内)" + BEFORE + "?(.*)$");
    private static final Pattern QUARTER_END = Pattern.compile(PREFIX + "(?:" + YEAR + "年|(今年|本年|当年))?(?:第)?([一二三四1-4])季度(?:末|底)" + BEFORE + "?(.*)$");
    private static final Pattern HALF_YEAR = Pattern.compile(PREFIX + "(?:" + YEAR + "年|(今年|本年|当年))?(上|下)半年(?:底|末|内)?" + BEFORE + "?(.*)$");
    /** 2023-12-31, 2023/12/31, 2023.12.31 (a date typed in a 时限 cell). */
    private static final Pattern NUMERIC_DATE = Pattern.compile(PREFIX + "([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})(?:日)?" + BEFORE + "?(.*)$");
    private static final Pattern MONTH_ONLY = Pattern.compile(PREFIX + "(?:" + YEAR + "年|(今年|本年|当年))?" + NUM + "月(?:份)?(?:上旬|中旬|下旬|前|内|中)");

    private static final Pattern YEAR_WORD_START = Pattern.compile(PREFIX + "年");

    // --- RELATIVE: "<event><connector>" before the number, "N<unit>(内)<action>" from it.
    private static final String[] CONNECTORS = {"之日起", "之日后", "以后的", "以后", "后的", "后", "起"};
    private static final Pattern AMOUNT = Pattern.compile(
            "^" + NUM + "(个工作日|工作日|个自然日|自然日|日|天|个月|个小时|小时|年|周|个星期)(内|以内|之内)?(.*)$");
    private static final Pattern EVENT_PREFIX = Pattern.compile("^(?:自|从|于|在)");
    private static final Pattern PLAN_EVENT = Pattern.compile("^(?:本方案|本通知|本要点|本实施方案|方案)(?:印发|发布|出台|下发)");

    // --- ONGOING / ASAP
    private static final String[] ONGOING_WORDS = {"长期", "持续", "常态化", "常年"};
    private static final String[] ASAP_WORDS = {"及时", "即时", "实时", "立即", "第一时间", "随时"};

    /** First characters a RECURRING / FIXED text can start with (see the patterns). */
    private static final String RECURRING_START = "至每按月";
    private static final String FIXED_START = "0123456789零〇一二两三四五六七八九十今本当年第上下须应务要于在截至";
    private static final String NUMBER_CHARS = "0123456789零〇一二两三四五六七八九十百";

    /** A second deadline in the action text after the first one. */
    private static final Pattern ANOTHER_DEADLINE = Pattern.compile(
            "(?:[0-9]+|[一二两三四五六七八九十]+)(?:月底|月末|月[0-9]+[日号]|个工作日|工作日|日内|天内|个月内|小时内|周内)|年底前|年末前");

    private DeadlineParser() {
    }

    public static DeadlineRule parse(String text, PlanContext context) {
        if (text == null) {
            return new DeadlineRule.Unparsed("", "时限要求为空");
        }
        if (text.length() > MAX_LENGTH) {
            return new DeadlineRule.Unparsed(text.substring(0, MAX_LENGTH), "时限要求过长（超过" + MAX_LENGTH + "字），未识别");
        }
        try {
            return read(text, context);
        } catch (RuntimeException e) {
            // The grammar is total (the fuzz tests call read() directly to prove it); this net only
            // guarantees that a cell can never fail an import.
            return new DeadlineRule.Unparsed(text, "无法识别的时限要求");
        }
    }

    /** The grammar itself, without the safety net (package-private for the fuzz tests). */
    static DeadlineRule read(String text, PlanContext context) {
        String s = TextNormalizer.normalize(text);
        if (s.isEmpty()) {
            return new DeadlineRule.Unparsed(text, "时限要求为空");
        }
        // Cheap first-character gates keep the common cells (长期坚持, 及时公开) off most patterns.
        char first = s.charAt(0);
        DeadlineRule rule = RECURRING_START.indexOf(first) >= 0 ? recurring(s, text) : null;
        if (rule == null && FIXED_START.indexOf(first) >= 0) {
            rule = fixed(s, text, context);
        }
        if (rule == null && hasNumber(s)) {
            rule = relative(s, text);
        }
        if (rule == null && startsWithAny(s, ONGOING_WORDS)) {
            rule = new DeadlineRule.Ongoing();
        }
        if (rule == null && startsWithAny(s, ASAP_WORDS)) {
            rule = new DeadlineRule.Asap();
        }
        return rule != null ? rule : new DeadlineRule.Unparsed(text, "无法识别的时限要求");
    }

    private static boolean hasNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (NUMBER_CHARS.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, String[] words) {
        for (String w : words) {
            if (s.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    // --- RECURRING ------------------------------------------------------------------------

    private static DeadlineRule recurring(String s, String text) {
        Matcher m;
        if ((m = MONTHLY_DAY.matcher(s)).matches()) {
            int day = number(m.group(1));
            if (day < 1 || day > 31) {
                return new DeadlineRule.Unparsed(text, "日期不存在：每月" + m.group(1) + "日");
            }
            return checkedRest(new DeadlineRule.Recurring(Frequency.MONTHLY, 1, null, day), m.group(2), text);
        }
        if ((m = EVERY_N_MONTHS.matcher(s)).matches()) {
            int n = number(m.group(1));
            if (n < 1 || n > 12) {
                return new DeadlineRule.Unparsed(text, "周期不合理：每" + m.group(1) + "个月");
            }
            return checkedRest(new DeadlineRule.Recurring(Frequency.MONTHLY, n, null, null), m.group(2), text);
        }
        if ((m = MONTHLY.matcher(s)).matches()) {
            return checkedRest(new DeadlineRule.Recurring(Frequency.MONTHLY, 1, null, null), m.group(1), text);
        }
        if ((m = HALF_YEARLY.matcher(s)).matches()) {
            return checkedRest(new DeadlineRule.Recurring(Frequency.MONTHLY, 6, null, null), m.group(1), text);
        }
        if ((m = QUARTERLY.matcher(s)).matches()) {
            return checkedRest(new DeadlineRule.Recurring(Frequency.QUARTERLY, 1, null, null), m.group(1), text);
        }
        if ((m = YEARLY_DAY.matcher(s)).matches()) {
            int month = number(m.group(1));
            int day = number(m.group(2));
            if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
                return new DeadlineRule.Unparsed(text, "日期不存在：每年" + m.group(1) + "月" + m.group(2) + "日");
            }
            return checkedRest(new DeadlineRule.Recurring(Frequency.YEARLY, 1, month, day), m.group(3), text);
        }
        if ((m = YEARLY_MONTH_END.matcher(s)).matches()) {
            int month = number(m.group(1));
            if (month < 1 || month > 12) {
                return new DeadlineRule.Unparsed(text, "月份不存在：每年" + m.group(1) + "月");
            }
            // Month end as its longest day; the consumer clamps 2月29日 in common years.
            return checkedRest(new DeadlineRule.Recurring(Frequency.YEARLY, 1, month, Month.of(month).maxLength()),
                    m.group(2), text);
        }
        if ((m = EVERY_N_YEARS.matcher(s)).matches()) {
            int n = number(m.group(1));
            if (n < 1 || n > 10) {
                return new DeadlineRule.Unparsed(text, "周期不合理：每" + m.group(1) + "年");
            }
            return checkedRest(new DeadlineRule.Recurring(Frequency.YEARLY, n, null, null), m.group(2), text);
        }
        if ((m = YEARLY.matcher(s)).matches()) {
            return checkedRest(new DeadlineRule.Recurring(Frequency.YEARLY, 1, null, null), m.group(1), text);
        }
        if ((m = WEEKLY.matcher(s)).matches()) {
            return checkedRest(new DeadlineRule.Recurring(Frequency.EVERY_N_WEEKS, 1, null, null), m.group(1), text);
        }
        if ((m = EVERY_N_WEEKS.matcher(s)).matches()) {
            // "每2周…" or "至少2周内更新一次": a repetition, not a one-off "2周内".
            boolean repeated = m.group(1) != null || s.startsWith("至少") || ONCE.matcher(m.group(3)).find();
            if (repeated) {
                int n = number(m.group(2));
                if (n < 1 || n > 52) {
                    return new DeadlineRule.Unparsed(text, "周期不合理：每" + m.group(2) + "周");
                }
                return checkedRest(new DeadlineRule.Recurring(Frequency.EVERY_N_WEEKS, n, null, null), m.group(3), text);
            }
        }
        if (EVERY_N_DAYS.matcher(s).find()) {
            return new DeadlineRule.Unparsed(text, "不支持按日重复的时限");
        }
        return null;
    }

    // --- FIXED ----------------------------------------------------------------------------

    private static DeadlineRule fixed(String s, String text, PlanContext context) {
        Matcher m;
        if ((m = NUMERIC_DATE.matcher(s)).matches()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5), text);
        }
        if ((m = MONTH_DAY.matcher(s)).matches()) {
            Integer year = year(m.group(1), context);
            if (year == null) {
                return noYear(text);
            }
            return date(year, number(m.group(3)), number(m.group(4)), m.group(5), text);
        }
        if ((m = MONTH_END.matcher(s)).matches()) {
            Integer year = year(m.group(1), context);
            if (year == null) {
                return noYear(text);
            }
            int month = number(m.group(3));
            if (month < 1 || month > 12) {
                return new DeadlineRule.Unparsed(text, "月份不存在：" + m.group(3) + "月");
            }
            return date(year, month, LocalDate.of(year, month, 1).lengthOfMonth(), m.group(4), text);
        }
        if ((m = QUARTER_END.matcher(s)).matches()) {
            Integer year = year(m.group(1), context);
            if (year == null) {
                return noYear(text);
            }
            int quarter = "一二三四".indexOf(m.group(3)) + 1;
            if (quarter == 0) {
                quarter = Integer.parseInt(m.group(3));
            }
            int month = quarter * 3;
            return date(year, month, LocalDate.of(year, month, 1).lengthOfMonth(), m.group(4), text);
        }
        if ((m = HALF_YEAR.matcher(s)).matches()) {
            Integer year = year(m.group(1), context);
            if (year == null) {
                return noYear(text);
            }
            return "上".equals(m.group(3)) ? date(year, 6, 30, m.group(4), text) : date(year, 12, 31, m.group(4), text);
        }
        if ((m = YEAR_END.matcher(s)).matches()) {
            // group(3) is the empty alternative: "年底前" with no year at all.
            Integer year = m.group(1) != null ? Integer.valueOf(number(m.group(1)))
                    : context == null ? null : Integer.valueOf(context.year());
            if (year == null) {
                return noYear(text);
            }
            if (m.group(1) == null && m.group(2) == null && !YEAR_WORD_START.matcher(s).find()) {
                return null; // a bare 底/末/内 without 年 is not a year end
            }
            return date(year, 12, 31, m.group(4), text);
        }
        if ((m = MONTH_ONLY.matcher(s)).find()) {
            return new DeadlineRule.Unparsed(text, "只写了月份（" + m.group(3) + "月），无法确定具体截止日");
        }
        return null;
    }

    /** The written year, else (今年, 本年 or nothing) the plan's year; null when neither is known. */
    private static Integer year(String digits, PlanContext context) {
        if (digits != null) {
            return number(digits);
        }
        return context == null ? null : context.year();
    }

    private static DeadlineRule noYear(String text) {
        return new DeadlineRule.Unparsed(text, "未写年份且缺少方案年份，无法确定截止日");
    }

    private static DeadlineRule date(int year, int month, int day, String rest, String text) {
        if (year < 1949 || year > 2200) {
            return new DeadlineRule.Unparsed(text, "年份不合理：" + year);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return new DeadlineRule.Unparsed(text, "日期不存在：" + year + "年" + month + "月" + day + "日");
        }
        return checkedRest(new DeadlineRule.Fixed(date), rest, text);
    }

    // --- RELATIVE -------------------------------------------------------------------------

    private static DeadlineRule relative(String s, String text) {
        // Try each place a number starts whose prefix is empty or ends with a connector (之日起, 后的…):
        // linear in practice, where one lazy regex over the whole cell backtracks at every position.
        for (int p = 0; p < s.length(); p++) {
            if (NUMBER_CHARS.indexOf(s.charAt(p)) < 0 || p > 0 && NUMBER_CHARS.indexOf(s.charAt(p - 1)) >= 0) {
                continue;
            }
            String event = eventBefore(s, p);
            if (event == null) {
                continue;
            }
            Matcher m = AMOUNT.matcher(s).region(p, s.length());
            if (m.matches()) {
                return relative(m, event.isEmpty() ? null : event, text);
            }
        }
        return null;
    }

    /** The event phrase before position p ("" for none), or null when no connector ends the prefix. */
    private static String eventBefore(String s, int p) {
        int end = p;
        if (end > 0 && s.charAt(end - 1) == '在') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '的') {
            end--;
        }
        if (end > 0 && ",:;".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0) {
            return ""; // "20个工作日内", "在20个工作日内": no event named
        }
        for (String c : CONNECTORS) {
            if (s.startsWith(c, end - c.length()) && end - c.length() > 0) {
                return s.substring(0, end - c.length());
            }
        }
        return null;
    }

    private static DeadlineRule relative(Matcher m, String event, String text) {
        if (event == null && m.group(3) == null) {
            return null; // "20个工作日" with neither an event nor 内 is not a time limit we know
        }
        int amount = number(m.group(1));
        PeriodUnit unit;
        String unitText = m.group(2);
        switch (unitText) {
            case "个工作日", "工作日" -> unit = PeriodUnit.WORKDAY;
            case "个自然日", "自然日", "日", "天" -> unit = PeriodUnit.DAY;
            case "周", "个星期" -> {
                unit = PeriodUnit.DAY;
                amount = amount < 0 ? amount : amount * 7;
            }
            case "个月" -> unit = PeriodUnit.MONTH;
            case "年" -> unit = PeriodUnit.YEAR;
            default -> unit = PeriodUnit.HOUR;
        }
        int max = switch (unit) {
            case WORKDAY -> 1000;
            case DAY -> 3660;
            case MONTH -> 120;
            case YEAR -> 10;
            case HOUR -> 10_000;
        };
        if (amount < 1 || amount > max) {
            return new DeadlineRule.Unparsed(text, "期限不合理：" + m.group(1) + unitText);
        }
        Trigger trigger = trigger(event);
        if (trigger == null) {
            return new DeadlineRule.Unparsed(text, "未能识别触发事件“" + event + "”");
        }
        return checkedRest(new DeadlineRule.Relative(trigger, new Period(amount, unit)), m.group(4), text);
    }

    /** The trigger an event phrase names; EVENT when none is named; null when it names one we do not know. */
    static Trigger trigger(String event) {
        if (event == null || event.isEmpty()) {
            return Trigger.EVENT;
        }
        String e = EVENT_PREFIX.matcher(event).replaceFirst("");
        if (e.contains("信息形成") || e.contains("变更")) {
            return Trigger.INFO_CHANGED;
        }
        if (e.contains("决策") && (e.contains("出台") || e.contains("印发") || e.contains("发布") || e.contains("作出"))) {
            return Trigger.DECISION_ISSUED;
        }
        if (PLAN_EVENT.matcher(e).find()) {
            return Trigger.PLAN_ISSUED;
        }
        if ((e.contains("政策性文件") || e.contains("政策文件")) && (e.contains("发布") || e.contains("印发") || e.contains("出台") || e.contains("公开"))) {
            return Trigger.POLICY_PUBLISHED;
        }
        if (e.contains("办理完结") || e.contains("办结") || e.contains("办理完毕")) {
            return Trigger.CASE_CLOSED;
        }
        return null;
    }

    // --- shared ---------------------------------------------------------------------------

    /** The action text after a deadline must not hold a second deadline. */
    private static DeadlineRule checkedRest(DeadlineRule rule, String rest, String text) {
        if (rest != null && ANOTHER_DEADLINE.matcher(rest).find()) {
            return new DeadlineRule.Unparsed(text, "包含多个时限，需人工确认");
        }
        return rule;
    }

    /** An ASCII or small Chinese numeral (二十, 两, 一百二十, 二〇二三); -1 when not a number. */
    static int number(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return s.length() > 9 ? -1 : Integer.parseInt(s);
        }
        if (s.indexOf('十') < 0 && s.indexOf('百') < 0) {
            int v = 0;
            for (int i = 0; i < s.length(); i++) {
                int d = digit(s.charAt(i));
                if (d < 0) {
                    return -1;
                }
                v = v * 10 + d;
            }
            return v;
        }
        int total = 0;
        int digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '百') {
                if (digit <= 0 || total > 0) {
                    return -1;
                }
                total += digit * 100;
                digit = -1;
            } else if (c == '十') {
                if (total % 100 != 0) {
                    return -1;
                }
                total += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else {
                int d = digit(c);
                if (d < 0 || digit >= 0 && d != 0 && digit != 0) {
                    return -1;
                }
                digit = d;
            }
        }
        return total + Math.max(digit, 0);
    }

    private static int digit(char c) {
        int i = "零一二三四五六七八九".indexOf(c);
        if (i >= 0) {
            return i;
        }
        return switch (c) {
            case '〇' -> 0;
            case '两' -> 2;
            default -> -1;
        };
    }
}
