package io.duban.task.proposal;

/** The closed vocabularies of the 反馈表 and 答复: API values in English, the printed words in Chinese. */
public final class Terms {

    private Terms() {
    }

    /** 人大 (代表建议) or 政协 (委员提案). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalSessionBody")
    public enum Body {
        NPC("人大", "建议"), CPPCC("政协", "提案");

        public final String label;
        public final String itemWord;

        Body(String label, String itemWord) {
            this.label = label;
            this.itemWord = itemWord;
        }
    }

    /** 建议 or 提案. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalKind")
    public enum Kind {
        SUGGESTION("建议"), PROPOSAL("提案");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** 解决情况. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalOutcome")
    public enum Outcome {
        A("已解决或基本解决"), B("正在解决或已列入计划"), C("因条件限制留作参考"), D("因法规政策限制不能解决");

        public final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** 协商方式. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalConsultation")
    public enum Consultation {
        FACE("面商"), PHONE("电话"), EMAIL("邮件"), LETTER("信函"), MEETING("座谈"), NONE("未联系");

        public final String label;

        Consultation(String label) {
            this.label = label;
        }
    }

    /** 满意度. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalSatisfaction")
    public enum Satisfaction {
        SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), UNSATISFIED("不满意");

        public final String label;

        Satisfaction(String label) {
            this.label = label;
        }
    }

    /** 针对性. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalRelevance")
    public enum Relevance {
        STRONG("强"), FAIR("一般"), POOR("差");

        public final String label;

        Relevance(String label) {
            this.label = label;
        }
    }

    /** Where a proposal stands: awaiting the reply, awaiting feedback, 重新办理, done. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalStatus")
    public enum Status { ASSIGNED, ANSWERED, REOPENED, CLOSED }

    /** How feedback came in. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalFeedbackVia")
    public enum Via { OFFICE, LINK }
}
