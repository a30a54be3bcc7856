package io.duban.task.tableimport;

import io.duban.common.problem.FieldError;
import java.util.List;

/**
 * Why an uploaded table or document cannot be imported, as the readers find it deep inside a parse: a {@link Kind},
 * a Chinese detail, the fields (or lines) at fault and the first line. Plain: the readers know nothing of HTTP;
 * {@link ImportService} turns it into the problem answer (400, 413 or 415).
 */
public final class UnreadableSource extends RuntimeException {

    /** What is wrong with the upload. */
    public enum Kind {
        /** The content is not a readable task table (400). */
        INVALID,
        /** More rows than an import takes (413). */
        TOO_LARGE,
        /** A format no reader reads: PDF, an unknown archive (415). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final transient List<FieldError> errors;
    private final Integer line;

    private UnreadableSource(Kind kind, String detail, List<FieldError> errors, Integer line) {
        super(detail, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.line = line;
    }

    static UnreadableSource invalid(String detail, List<FieldError> errors) {
        return new UnreadableSource(Kind.INVALID, detail, errors, null);
    }

    static UnreadableSource invalidField(String field, String message) {
        return invalid(message, List.of(new FieldError(field, message)));
    }

    static UnreadableSource tooLarge(String detail) {
        return new UnreadableSource(Kind.TOO_LARGE, detail, List.of(), null);
    }

    static UnreadableSource unsupported(String detail) {
        return new UnreadableSource(Kind.UNSUPPORTED, detail, List.of(), null);
    }

    /** The same refusal, pointing at a line (1-based) of the upload. */
    UnreadableSource atLine(int line) {
        return new UnreadableSource(kind, getMessage(), errors, line);
    }

    public Kind kind() {
        return kind;
    }

    /** The Chinese detail for the person who uploaded the file. */
    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The line the refusal points at, or null. */
    public Integer line() {
        return line;
    }
}
