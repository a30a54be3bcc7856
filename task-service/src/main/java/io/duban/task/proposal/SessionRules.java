package io.duban.task.proposal;

import io.duban.common.problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's 办理 rules. The defaults are the State Council's 办理规定: a reply within 3 months of 交办, 6 months for a
 * proposal 涉及面广、处理难度大, the 协办 opinion to the 主办 unit within 1 month; 重新办理 after 不满意 within 1 month,
 * once; a feedback link stays valid 30 days. A session may set others.
 */
public record SessionRules(int replyMonths, int complexReplyMonths, int coOpinionMonths, int redoMonths, int maxReopens,
        int feedbackLinkDays) {

    public static final SessionRules DEFAULT = new SessionRules(3, 6, 1, 1, 1, 30);

    /** The defaults with the given values where they are not null. */
    public static SessionRules of(Integer replyMonths, Integer complexReplyMonths, Integer coOpinionMonths, Integer redoMonths,
            Integer maxReopens, Integer feedbackLinkDays) {
        return new SessionRules(or(replyMonths, DEFAULT.replyMonths), or(complexReplyMonths, DEFAULT.complexReplyMonths),
                or(coOpinionMonths, DEFAULT.coOpinionMonths), or(redoMonths, DEFAULT.redoMonths), or(maxReopens, DEFAULT.maxReopens),
                or(feedbackLinkDays, DEFAULT.feedbackLinkDays));
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    /** What is out of range, by field; empty when the rules can be used. */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        range(errors, "replyMonths", replyMonths, 1, 24, "答复期限应为 1 到 24 个月。");
        range(errors, "complexReplyMonths", complexReplyMonths, 1, 24, "复杂提案的答复期限应为 1 到 24 个月。");
        range(errors, "coOpinionMonths", coOpinionMonths, 1, 12, "协办意见期限应为 1 到 12 个月。");
        range(errors, "redoMonths", redoMonths, 1, 12, "重新办理期限应为 1 到 12 个月。");
        range(errors, "maxReopens", maxReopens, 0, 5, "重新办理次数应为 0 到 5 次。");
        range(errors, "feedbackLinkDays", feedbackLinkDays, 1, 180, "反馈链接有效期应为 1 到 180 天。");
        if (errors.isEmpty() && complexReplyMonths < replyMonths) {
            errors.add(new FieldError("complexReplyMonths", "复杂提案的答复期限不应短于一般提案。"));
        }
        return errors;
    }

    private static void range(List<FieldError> errors, String field, int v, int min, int max, String message) {
        if (v < min || v > max) {
            errors.add(new FieldError(field, message));
        }
    }
}
