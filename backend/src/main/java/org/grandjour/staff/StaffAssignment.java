package org.grandjour.staff;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A door-staff account allowed to scan for one attraction. */
@Entity
@Table(name = "staff_assignment")
public class StaffAssignment extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(
            @Column(name = "username", nullable = false) String username,
            @Column(name = "attraction_id", nullable = false) Long attractionId) implements Serializable {
    }

    public static StaffAssignment of(String username, long attractionId) {
        StaffAssignment a = new StaffAssignment();
        a.key = new Key(username, attractionId);
        return a;
    }
}
