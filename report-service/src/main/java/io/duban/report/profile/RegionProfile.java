package io.duban.report.profile;

/** The names a region's documents carry: 沂源县, the 发文机关 (issuer) and the office that compiles 通报. */
public record RegionProfile(String name, String issuer, String bulletinOffice) {
}
