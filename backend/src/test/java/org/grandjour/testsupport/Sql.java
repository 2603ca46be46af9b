package org.grandjour.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/** Reads the database directly, to check what the API did against the rows themselves. */
@ApplicationScoped
public class Sql {
    @Inject
    AgroalDataSource db;

    public long number(String query, Object... params) {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int update(String statement, Object... params) {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
