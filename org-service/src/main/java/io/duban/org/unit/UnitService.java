package io.duban.org.unit;

import io.duban.org.directory.FormerName;
import io.duban.org.directory.UnitKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.org.common.NameKeys;
import io.duban.org.common.PersistenceFailures;
import io.duban.org.directory.UnitNames;
import io.duban.org.unit.UnitDtos.ImportResult;
import io.duban.org.unit.UnitDtos.UnitRequest;
import io.duban.org.unit.UnitDtos.UnitView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.duban.org.common.AuditInSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The unit registry of a region: list, read, create, replace, deactivate, and the TSV import. */
@ApplicationScoped
public class UnitService {

    @Inject
    AuditInSession audit;

    @Inject
    UnitRepository units;

    @Inject
    ObjectMapper json;

    /** Units ordered by name (then id), filtered by kind, a name/alias substring and the active flag. */
    @WithSession
    public Uni<Page<UnitView>> list(String region, UnitKind kind, String q, Boolean active, PageRequest page) {
        StringBuilder where = new StringBuilder("region = :region");
        Parameters params = Parameters.with("region", region);
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q escape '\\' or lower(aliases) like :q escape '\\')");
            params.and("q", "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (active != null) {
            where.append(" and active = :active");
            params.and("active", active);
        }
        var query = units.find(where.toString(), Sort.by("name").and("id"), params);
        return query.page(io.quarkus.panache.common.Page.of(page.page() - 1, page.size())).list()
                .flatMap(items -> query.count()
                        .map(total -> Page.of(items.stream().map(u -> UnitView.from(u, json)).toList(), total, page)));
    }

    @WithSession
    public Uni<UnitView> get(String region, UUID id) {
        return require(region, id).map(u -> UnitView.from(u, json));
    }

    @WithTransaction
    public Uni<UnitView> create(String region, UnitRequest req) {
        return units.allInRegion(region).flatMap(all -> {
            Unit u = new Unit();
            u.id = UUID.randomUUID();
            u.region = region;
            checkNames(all, u.id, req);
            checkParent(all, u.id, req.parentId());
            apply(u, req);
            return units.persist(u).call(units::flush).call(saved -> claimNames(saved))
                    .call(saved -> audit.record(201, saved.id.toString()))
                    .map(saved -> UnitView.from(saved, json));
        }).onFailure(PersistenceFailures::isUniqueViolation).transform(e -> nameTaken(req.name()));
    }

    /** Replaces a unit's fields; the If-Match version is checked again atomically by the UPDATE (@Version). */
    @WithTransaction
    public Uni<UnitView> replace(String region, UUID id, String ifMatch, UnitRequest req) {
        ETags.requireVersion(ifMatch);
        return units.allInRegion(region).flatMap(all -> {
            Unit u = all.stream().filter(x -> x.id.equals(id)).findFirst().orElseThrow(UnitService::notFound);
            ETags.check(ifMatch, u.version);
            checkNames(all, u.id, req);
            checkParent(all, u.id, req.parentId());
            apply(u, req);
            return units.flush().call(() -> claimNames(u)).call(() -> audit.record(200)).map(v -> UnitView.from(u, json));
        }).onFailure(PersistenceFailures::isStale).transform(e -> stale())
          .onFailure(PersistenceFailures::isUniqueViolation).transform(e -> nameTaken(req.name()));
    }

    /** Deactivates (never erases: assignments keep pointing at the unit). Idempotent. */
    @WithTransaction
    public Uni<UnitView> deactivate(String region, UUID id) {
        return require(region, id).flatMap(u -> {
            if (!u.active) {
                return audit.record(204).map(v -> UnitView.from(u, json));
            }
            u.active = false;
            return units.flush().call(() -> audit.record(204)).map(v -> UnitView.from(u, json));
        }).onFailure(PersistenceFailures::isStale).transform(e -> stale());
    }

    /** Upserts the units of a TSV file by name, all or nothing. */
    @WithTransaction
    public Uni<ImportResult> importTable(String region, List<UnitTable.Row> rows) {
        return units.allInRegion(region).flatMap(all -> {
            List<UnitImportPlan.Existing> existing = all.stream()
                    .map(u -> new UnitImportPlan.Existing(u.id, u.name, u.kind, u.aliasList(), u.parentId, u.active,
                            u.formerNameList()))
                    .toList();
            UnitImportPlan.Outcome plan = UnitImportPlan.plan(existing, rows, UUID::randomUUID);
            if (!plan.errors().isEmpty()) {
                throw importRejected(plan.errors());
            }
            Map<UUID, Unit> byId = new HashMap<>();
            all.forEach(u -> byId.put(u.id, u));
            List<Unit> fresh = new ArrayList<>();
            for (UnitImportPlan.Change c : plan.creates()) {
                Unit u = new Unit();
                u.id = c.id();
                u.region = region;
                write(u, c);
                fresh.add(u);
            }
            for (UnitImportPlan.Change c : plan.updates()) {
                write(byId.get(c.id()), c);
            }
            ImportResult result = new ImportResult(plan.creates().size(), plan.updates().size(), plan.unchanged());
            Uni<Void> inserts = fresh.isEmpty() ? Uni.createFrom().voidItem() : units.persist(fresh);
            List<Unit> written = new ArrayList<>(fresh);
            plan.updates().forEach(c -> written.add(byId.get(c.id())));
            return inserts.call(units::flush).call(() -> claimAll(written, 0)).call(() -> audit.record(200)).map(v -> result);
        }).onFailure(PersistenceFailures::isUniqueViolation)
          .transform(e -> ProblemException.conflict("导入期间单位被同时修改，请重试。"))
          .onFailure(PersistenceFailures::isStale)
          .transform(e -> ProblemException.conflict("导入期间单位被同时修改，请重试。"));
    }

    /** The unit's name and aliases as keys in name_key (a unique violation when another unit or a group holds one). */
    private static Uni<Void> claimNames(Unit u) {
        List<String> names = new ArrayList<>(u.aliasList());
        names.add(u.name);
        return NameKeys.claim(u.region, u.id, NameKeys.UNIT, names);
    }

    private static Uni<Void> claimAll(List<Unit> written, int i) {
        return i == written.size() ? Uni.createFrom().voidItem()
                : claimNames(written.get(i)).chain(() -> claimAll(written, i + 1));
    }

    static ProblemException importRejected(List<FieldError> errors) {
        FieldError first = errors.get(0);
        int line = UnitImportPlan.lineNo(first);
        return ProblemException.validation("导入文件有 " + errors.size() + " 处错误，未导入任何单位。第 " + line + " 行："
                + first.message(), errors).with("line", line);
    }

    private static void write(Unit u, UnitImportPlan.Change c) {
        u.name = c.row().name();
        u.kind = c.row().kind();
        u.aliasList(c.row().aliases());
        u.formerNameList(c.row().formerNames());
        u.parentId = c.parentId();
        u.active = true;
    }

    private Uni<Unit> require(String region, UUID id) {
        return units.findInRegion(region, id).onItem().ifNull().failWith(UnitService::notFound);
    }

    private void apply(Unit u, UnitRequest req) {
        u.name = req.name().strip();
        u.kind = req.kind();
        u.aliasList(req.aliasesOrEmpty().stream().map(String::strip).distinct().filter(a -> !a.equals(u.name)).toList());
        u.parentId = req.parentId();
        u.active = req.active() == null || req.active();
        u.contacts = UnitDtos.writeContacts(req.contactsOrEmpty(), json);
        u.formerNameList(req.formerNamesOrEmpty().stream().map(f -> new FormerName(f.name().strip(), f.until())).toList());
    }

    /** The unit's name and aliases must not be another unit's name or alias (compared as the resolver does). */
    private static void checkNames(List<Unit> all, UUID self, UnitRequest req) {
        Map<String, Unit> owner = new HashMap<>();
        for (Unit other : all) {
            if (other.id.equals(self)) {
                continue;
            }
            owner.putIfAbsent(UnitNames.key(other.name), other);
            other.aliasList().forEach(a -> owner.putIfAbsent(UnitNames.key(a), other));
        }
        // what committed writers hold is checked here for a helpful answer; name_key settles races (and groups)
        List<String> names = new ArrayList<>();
        names.add(req.name());
        names.addAll(req.aliasesOrEmpty());
        for (String n : names) {
            Unit clash = owner.get(UnitNames.key(n));
            if (clash != null) {
                throw ProblemException.conflict("名称或别名 " + n.strip() + " 已被单位 " + clash.name + " 使用。")
                        .with("unitId", clash.id.toString());
            }
        }
    }

    private static void checkParent(List<Unit> all, UUID self, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Map<UUID, UUID> parentOf = new HashMap<>();
        all.forEach(u -> parentOf.put(u.id, u.parentId));
        if (!parentOf.containsKey(parentId)) {
            throw ProblemException.invalidField("parentId", "上级单位不存在。");
        }
        UUID at = parentId;
        for (int i = 0; at != null && i <= all.size(); i++) {
            if (at.equals(self)) {
                throw ProblemException.invalidField("parentId", "上级单位不能是本单位或其下级单位。");
            }
            at = parentOf.get(at);
        }
    }

    static ProblemException notFound() {
        return ProblemException.notFound("单位不存在。");
    }

    private static ProblemException stale() {
        return ProblemException.preconditionFailed("单位已被他人修改，请重新读取后再修改。");
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("单位名称 " + name + " 已存在。");
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
