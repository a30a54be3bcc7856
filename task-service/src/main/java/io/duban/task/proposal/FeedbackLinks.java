package io.duban.task.proposal;

import io.duban.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One-time feedback links for proposers, who have no account: the token is the region and 32 random bytes
 * ({@code 370124-…}); only its SHA-256 is stored, so a leaked database does not hand out links. Unknown, used, expired
 * and malformed tokens all answer the same 404.
 */
public final class FeedbackLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("\\d{6}-[A-Za-z0-9_-]{43}");

    private FeedbackLinks() {
    }

    /** A new link: the token (shown once), its path and when it stops working. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FeedbackLink")
    public record Issued(String token, String path, Instant expiresAt) {
    }

    static Issued issue(String region, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = region + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, "/api/v1/proposal-feedback/" + token, expiresAt);
    }

    /** The region a well-formed token names; 404 for anything else. */
    static String region(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw gone();
        }
        return token.substring(0, 6);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException gone() {
        return ProblemException.notFound("反馈链接无效、已使用或已过期。");
    }

    /** What the proposer sees: the proposal, the session and the reply to rate. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "FeedbackForm")
    public record Form(UUID proposalId, String sessionName, String number, String title, String proposers, String leadUnits,
            String replyText, Terms.Outcome outcome, String outcomeLabel, LocalDate repliedOn, String signer, List<String> satisfaction,
            List<String> relevance, List<String> consultation) {

        static Form of(SessionDto s, ProposalDto p, ReplyDto r) {
            return new Form(p.id(), s.sessionName(), p.number(), p.title(), p.proposersText(), p.leadUnits(), r.text(), r.outcome(),
                    r.outcome().label, r.repliedOn(), r.signer(), names(Terms.Satisfaction.values()), names(Terms.Relevance.values()),
                    names(Terms.Consultation.values()));
        }

        private static List<String> names(Enum<?>[] values) {
            return java.util.Arrays.stream(values).map(Enum::name).toList();
        }
    }
}
