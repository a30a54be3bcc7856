package io.duban.report.document;

import java.time.LocalDate;

/** Dates and ordinals as a 公文 writes them: 二〇二三年十月九日, 第三季度, 一、 and （一）. */
public final class ChineseDates {

    private static final char[] DIGITS = {'〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'};

    private ChineseDates() {
    }

    /** 2023-10-09 → 二〇二三年十月九日 (the year digit by digit, month and day as numbers). */
    public static String format(LocalDate date) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(date.getYear()).toCharArray()) {
            s.append(DIGITS[c - '0']);
        }
        return s.append('年').append(number(date.getMonthValue())).append('月').append(number(date.getDayOfMonth()))
                .append('日').toString();
    }

    /** 1..99 as Chinese numerals: 9 → 九, 10 → 十, 14 → 十四, 20 → 二十, 31 → 三十一. */
    public static String number(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder s = new StringBuilder();
        if (tens > 1) {
            s.append(DIGITS[tens]);
        }
        if (tens > 0) {
            s.append('十');
        }
        if (ones > 0) {
            s.append(DIGITS[ones]);
        }
        return s.toString();
    }
}
