package io.duban.common.problem;

/** One machine-readable validation failure inside a problem: which field (or line), and why. */
public record FieldError(String field, String message) {
}
