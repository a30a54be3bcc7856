package io.duban.task.tableimport;

import java.util.ArrayList;
import java.util.List;

/**
 * Bold runs of a Word cell travel through the grid between two private-use characters. Some years'
 * tables mark the 牵头 unit only by printing it in bold ("黑体字部门为政务公开工作牵头部门"), so the
 * reader keeps the mark on the 责任单位 text and strips it everywhere else.
 */
final class Emphasis {

    static final char START = '\uE000';
    static final char END = '\uE001';

    private Emphasis() {
    }

    static String bold(String text) {
        return text.isEmpty() ? text : START + text + END;
    }

    static String strip(String s) {
        if (s == null || (s.indexOf(START) < 0 && s.indexOf(END) < 0)) {
            return s;
        }
        return s.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
    }

    /** The unit names printed in bold, split at the usual separators. */
    static List<String> marked(String s) {
        List<String> names = new ArrayList<>();
        if (s == null) {
            return names;
        }
        String joined = s.replace(String.valueOf(END) + START, "");
        int from = 0;
        while (true) {
            int a = joined.indexOf(START, from);
            if (a < 0) {
                return names;
            }
            int b = joined.indexOf(END, a + 1);
            if (b < 0) {
                b = joined.length();
            }
            for (String part : joined.substring(a + 1, b).split("[、，,；;\\s]+")) {
                String name = part.replaceAll("^[“”\"'（）()]+|[“”\"'（）()]+$", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            from = b + 1;
        }
    }
}
