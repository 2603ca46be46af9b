package org.grandjour.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Tests run on the real PostgreSQL, in a database of their own (grandjour_test) that Flyway wipes
 * at start. This creates it when missing, so `./mvnw test` works on a fresh machine.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        String host = env("GJ_DB_HOST", "127.0.0.1");
        String port = env("GJ_DB_PORT", "5432");
        String name = env("GJ_TEST_DB_NAME", "grandjour_test");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, env("GJ_DB_USER", "postgres"), env("GJ_DB_PASSWORD", ""));
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is needed for the tests", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
