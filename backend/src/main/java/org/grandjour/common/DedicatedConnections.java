package org.grandjour.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections of our own to the application's database, outside the pool: for long-lived background
 * work (LISTEN, the NOTIFY sender) that must neither hold a pooled connection nor wait for one.
 */
@ApplicationScoped
public class DedicatedConnections {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, username, password.orElse(""));
    }
}
