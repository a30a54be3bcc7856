package io.duban.report.profile;

import jakarta.validation.constraints.NotBlank;

/** The names a region's documents carry: 沂源县, the 发文机关 (issuer) and the office that compiles 通报. */
public record RegionProfile(@NotBlank(message = "不能为空") String name, @NotBlank(message = "不能为空") String issuer,
                            @NotBlank(message = "不能为空") String bulletinOffice) {
}
