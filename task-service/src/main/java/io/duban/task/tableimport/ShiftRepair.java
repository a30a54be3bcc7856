package io.duban.task.tableimport;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts right a row of a 常态化 list whose cells shifted where the PDF merged them: the units
 * ("县司法局") land in the 五级指标 column and the requirement in 四级, or the row spills one
 * column past 评估对象. The last non-empty cell that names units becomes 评估对象, the nearest
 * sentence before it the requirement; the category cells left of those move as far as the
 * requirement did (the whole row shifted), clipped to the category levels. A row whose last text is a sentence is a requirement whose 评估对象 is the row
 * above's (a merged cell). A row with neither is stray page text.
 */
final class ShiftRepair {

    /** The row as it should have been; {@code detail} says what moved (null when nothing did). */
    record Result(List<String> row, String detail) {
    }

    private ShiftRepair() {
    }

    static Result apply(List<String> row, RowMerger.Header h) {
        int req = h.requirement();
        int units = h.responsible();
        String reqText = RowMerger.cell(row, req);
        String unitText = RowMerger.cell(row, units);
        int last = lastNonEmpty(row);
        if (last < 0) {
            return null;
        }
        boolean wellFormed = !reqText.isEmpty() && !UnitText.looksLikeUnits(reqText) && last <= units
                && (unitText.isEmpty() || UnitText.looksLikeUnits(unitText));
        if (wellFormed) {
            return new Result(row, null);
        }
        int unitsAt = -1;
        int reqAt;
        if (UnitText.looksLikeUnits(RowMerger.cell(row, last))) {
            unitsAt = last;
            reqAt = sentenceBefore(row, last);
        } else {
            reqAt = isSentence(RowMerger.cell(row, last)) ? last : -1;
        }
        if (reqAt < 0) {
            if (!reqText.isEmpty() && last <= units) {
                return new Result(row, null); // nothing better to offer: keep the row as written
            }
            return null;
        }
        if (reqAt == req && (unitsAt == units || unitsAt < 0 && unitText.isEmpty())) {
            return new Result(row, null);
        }
        int lastLevel = h.category().isEmpty() ? -1 : h.category().get(h.category().size() - 1);
        int shift = req - reqAt; // the whole row moved by as much as its requirement did
        List<String> fixed = new ArrayList<>();
        for (int i = 0; i <= Math.max(units, req); i++) {
            fixed.add("");
        }
        for (int i = 0; i < reqAt; i++) {
            String text = RowMerger.cell(row, i);
            if (text.isEmpty() || i == unitsAt) {
                continue;
            }
            int to = Math.max(0, Math.min(i + shift, lastLevel));
            if (lastLevel < 0 || to == req || to == units) {
                continue;
            }
            fixed.set(to, fixed.get(to).isEmpty() ? text : fixed.get(to) + "／" + text);
        }
        fixed.set(req, RowMerger.cell(row, reqAt));
        if (unitsAt >= 0) {
            fixed.set(units, RowMerger.cell(row, unitsAt));
        }
        String detail = "单元格错位已修正：工作要求取自第 " + (reqAt + 1) + " 列"
                + (unitsAt >= 0 ? "，评估对象“" + abbreviate(RowMerger.cell(row, unitsAt)) + "”取自第 " + (unitsAt + 1) + " 列"
                        : "，评估对象同上一行");
        return new Result(fixed, detail);
    }

    private static int lastNonEmpty(List<String> row) {
        for (int i = row.size() - 1; i >= 0; i--) {
            if (!RowMerger.cell(row, i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static int sentenceBefore(List<String> row, int at) {
        for (int i = at - 1; i >= 0; i--) {
            String text = RowMerger.cell(row, i);
            if (!text.isEmpty()) {
                return isSentence(text) && !UnitText.looksLikeUnits(text) ? i : -1;
            }
        }
        return -1;
    }

    /** A requirement reads as a sentence; a category label or page text ("县政府办公室文件") does not. */
    static boolean isSentence(String text) {
        return text.length() >= 20 || text.matches(".*[。，；、：].*");
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
