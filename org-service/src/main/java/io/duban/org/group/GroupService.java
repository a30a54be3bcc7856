package io.duban.org.group;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.org.common.AuditInSession;
import io.duban.org.common.NameKeys;
import io.duban.org.common.PersistenceFailures;
import io.duban.org.group.GroupDtos.GroupList;
import io.duban.org.group.GroupDtos.GroupRequest;
import io.duban.org.group.GroupDtos.GroupView;
import io.duban.org.directory.KnownGroup;
import io.duban.org.directory.KnownUnit;
import io.duban.org.directory.UnitNames;
import io.duban.org.unit.Unit;
import io.duban.org.directory.UnitKind;
import io.duban.org.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Built-in and custom groups of a region, and the region's directory (active units + groups) for resolving. */
@ApplicationScoped
public class GroupService {

    @Inject
    AuditInSession audit;

    @Inject
    UnitRepository units;

    @Inject
    CustomGroupRepository groups;

    /** A group with its id, as listed. */
    public record IdentifiedGroup(String id, boolean builtIn, KnownGroup group) {
    }

    /** What the resolver needs of a region, loaded in one session. */
    public record Directory(List<KnownUnit> units, List<IdentifiedGroup> groups) {
        public List<KnownGroup> knownGroups() {
            return groups.stream().map(IdentifiedGroup::group).toList();
        }
    }

    @WithSession
    public Uni<Directory> directory(String region) {
        return units.activeInRegion(region).flatMap(active -> groups.allInRegion(region).map(custom -> {
            List<IdentifiedGroup> all = new ArrayList<>();
            BuiltInGroups.ALL.forEach(b -> all.add(new IdentifiedGroup(b.id(), true, b.group())));
            custom.forEach(c -> all.add(new IdentifiedGroup(c.id.toString(), false, known(c))));
            return new Directory(active.stream().map(GroupService::known).toList(), all);
        }));
    }

    @WithSession
    public Uni<GroupList> list(String region) {
        return directory(region).map(d -> new GroupList(
                d.groups().stream().map(g -> GroupView.of(g.id(), g.builtIn(), g.group(), d.units())).toList(),
                d.groups().size()));
    }

    @WithSession
    public Uni<GroupView> get(String region, String id) {
        return directory(region).map(d -> d.groups().stream()
                .filter(g -> g.id().equals(id))
                .findFirst()
                .map(g -> GroupView.of(g.id(), g.builtIn(), g.group(), d.units()))
                .orElseThrow(() -> ProblemException.notFound("分组不存在。")));
    }

    @WithTransaction
    public Uni<GroupView> create(String region, GroupRequest req) {
        boolean byKinds = !req.kindsOrEmpty().isEmpty();
        boolean byMembers = !req.memberIdsOrEmpty().isEmpty();
        if (byKinds == byMembers) {
            throw ProblemException.validation("分组应指定单位类别（kinds）或成员列表（memberIds）之一。",
                    List.of(new FieldError("kinds", "kinds 与 memberIds 须且只须提供一项")));
        }
        return units.allInRegion(region).flatMap(all -> groups.allInRegion(region).flatMap(custom -> {
            checkMembers(all, req.memberIdsOrEmpty());
            checkNames(all, custom, req);
            CustomGroup g = new CustomGroup();
            g.id = UUID.randomUUID();
            g.region = region;
            g.name = req.name().strip();
            g.aliases = req.aliasesOrEmpty().stream().map(String::strip).distinct().collect(Collectors.joining("|"));
            g.kinds = req.kindsOrEmpty().stream().distinct().sorted().map(Enum::name).collect(Collectors.joining("|"));
            g.memberIds = req.memberIdsOrEmpty().stream().distinct().map(UUID::toString).collect(Collectors.joining("|"));
            List<KnownUnit> active = all.stream().filter(u -> u.active).map(GroupService::known).toList();
            List<String> names = new ArrayList<>(CustomGroup.split(g.aliases));
            names.add(g.name);
            return groups.persist(g).call(groups::flush)
                    .call(saved -> NameKeys.claim(region, saved.id, NameKeys.GROUP, names))
                    .call(saved -> audit.record(201, saved.id.toString()))
                    .map(saved -> GroupView.of(saved.id.toString(), false, known(saved), active));
        })).onFailure(PersistenceFailures::isUniqueViolation)
          .transform(e -> ProblemException.conflict("分组名称 " + req.name() + " 已存在。"));
    }

    private static void checkMembers(List<Unit> all, List<UUID> memberIds) {
        Set<UUID> known = all.stream().map(u -> u.id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            if (!known.contains(memberIds.get(i))) {
                errors.add(new FieldError("memberIds[" + i + "]", "单位不存在：" + memberIds.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("分组成员中有不存在的单位。", errors);
        }
    }

    /** A group phrase must not be spelled like a unit or another group, or the resolver could not choose. */
    private static void checkNames(List<Unit> all, List<CustomGroup> custom, GroupRequest req) {
        Map<String, String> taken = new HashMap<>();
        for (Unit u : all) {
            taken.putIfAbsent(UnitNames.key(u.name), "单位 " + u.name);
            u.aliasList().forEach(a -> taken.putIfAbsent(UnitNames.key(a), "单位 " + u.name));
        }
        for (BuiltInGroups.BuiltIn b : BuiltInGroups.ALL) {
            taken.putIfAbsent(UnitNames.key(b.group().name()), "内置分组 " + b.group().name());
            b.group().aliases().forEach(a -> taken.putIfAbsent(UnitNames.key(a), "内置分组 " + b.group().name()));
        }
        for (CustomGroup c : custom) {
            taken.putIfAbsent(UnitNames.key(c.name), "分组 " + c.name);
            CustomGroup.split(c.aliases).forEach(a -> taken.putIfAbsent(UnitNames.key(a), "分组 " + c.name));
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(req.name());
        names.addAll(req.aliasesOrEmpty());
        Set<String> own = new HashSet<>();
        for (String n : names) {
            String key = UnitNames.key(n);
            String clash = taken.get(key);
            if (clash != null || !own.add(key)) {
                throw ProblemException.conflict("名称 " + n.strip() + " 已被" + (clash == null ? "本分组" : clash) + "使用。");
            }
        }
    }

    static KnownUnit known(Unit u) {
        return new KnownUnit(u.id, u.name, u.kind, u.aliasList(), u.formerNameList());
    }

    static KnownGroup known(CustomGroup c) {
        Set<UnitKind> kinds = CustomGroup.split(c.kinds).stream().map(UnitKind::valueOf).collect(Collectors.toSet());
        Set<UUID> members = CustomGroup.split(c.memberIds).stream().map(UUID::fromString).collect(Collectors.toSet());
        return new KnownGroup(c.name, CustomGroup.split(c.aliases), kinds, members);
    }
}
