package no.kraft.cis.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row count and a hash of the full contents of every table in the schema — the evidence that a rejected request
 * changed nothing.
 */
public record DatabaseSnapshot(Map<String, String> tables) {

    public static DatabaseSnapshot take(JdbcClient jdbc) {
        List<String> names = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                  -- the partner-call audit records refused calls too: that is its purpose, asserted in PartnerApiTest
                  and table_name <> 'partner_call'
                order by table_name""").query(String.class).list();
        Map<String, String> state = new LinkedHashMap<>();
        for (String table : names) {
            state.put(table, jdbc.sql("select count(*) || '/' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '-') from "
                    + table + " t").query(String.class).single());
        }
        return new DatabaseSnapshot(state);
    }

    /** The same snapshot without the run bookkeeping (Spring Batch and billing-run tables), which every run writes. */
    public DatabaseSnapshot withoutRunBookkeeping() {
        Map<String, String> state = new LinkedHashMap<>(tables);
        state.keySet().removeIf(t -> t.startsWith("batch_") || t.startsWith("billing_run"));
        return new DatabaseSnapshot(state);
    }
}
