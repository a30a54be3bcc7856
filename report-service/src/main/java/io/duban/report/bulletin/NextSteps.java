package io.duban.report.bulletin;

import jakarta.validation.constraints.Size;

/** The body of {@code PUT /bulletins/{id}}: the only part of a DRAFT a supervisor writes. */
public record NextSteps(@Size(max = BulletinService.MAX_NEXT_STEPS, message = "不能超过 {max} 个字符") String nextSteps) {
}
