package io.duban.report.bulletin;

/** The body of {@code PUT /bulletins/{id}}: the only part of a DRAFT a supervisor writes. */
public record NextSteps(String nextSteps) {
}
