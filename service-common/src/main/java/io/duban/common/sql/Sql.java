package io.duban.common.sql;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Builds a parameterised statement piece by piece ({@code $1, $2, …}) for queries with optional filters. */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a placeholder bound to {@code value} and returns it (e.g. {@code "$3"}). */
    public String bind(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    public Sql append(String before, Object value, String after) {
        text.append(before).append(bind(value)).append(after);
        return this;
    }

    public String text() {
        return text.toString();
    }

    public Tuple tuple() {
        Tuple t = Tuple.tuple();
        params.forEach(t::addValue);
        return t;
    }

    /** The same parameters with the text wrapped, e.g. into an aggregate over this statement as a subquery. */
    public Sql wrap(String before, String after) {
        Sql s = copy();
        s.text.insert(0, before).append(after);
        return s;
    }

    public Sql copy() {
        Sql s = new Sql();
        s.text.append(text);
        s.params.addAll(params);
        return s;
    }
}
