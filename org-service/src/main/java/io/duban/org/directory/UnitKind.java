package io.duban.org.directory;

/** What sort of organisation a unit is; built-in groups (各镇（街道）, 各部门 …) select units by kind. */
public enum UnitKind {
    DEPARTMENT, TOWN, SUBDISTRICT, ZONE, PARTY, BRANCH, ENTERPRISE;

    /** Parses a kind exactly as written in the API and the import file; null when it names no kind. */
    public static UnitKind parse(String s) {
        if (s == null) {
            return null;
        }
        for (UnitKind k : values()) {
            if (k.name().equals(s.trim())) {
                return k;
            }
        }
        return null;
    }
}
