package org.grandjour.ballot;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grandjour.edition.Edition;

import io.restassured.response.Response;

/** Turns test editions into ballots and moves their windows, straight in the database. */
@ApplicationScoped
public class BallotFixture {
    @Inject
    EntityManager em;

    /** A ballot edition with a fresh seed, applications open from {@code opens} until {@code closes}. */
    @Transactional
    public byte[] ballot(Edition edition, Instant opens, Instant closes, int maxChoices) {
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        em.createNativeQuery("""
                update edition set allocation_mode = 'BALLOT', application_opens_at = ?1, application_closes_at = ?2, draw_at = ?2,
                       max_choices = ?3, ballot_seed = ?4, ballot_commitment = ?5, public_value_source = 'Test lottery' where id = ?6""")
                .setParameter(1, opens).setParameter(2, closes).setParameter(3, maxChoices).setParameter(4, seed)
                .setParameter(5, DrawGenerator.commitment(seed)).setParameter(6, edition.id).executeUpdate();
        return seed;
    }

    @Transactional
    public void share(Edition edition, String territoryCode, int percent) {
        em.createNativeQuery("""
                insert into edition_territory_share (edition_id, territory_id, percent) select ?1, id, ?3 from territory where code = ?2""")
                .setParameter(1, edition.id).setParameter(2, territoryCode).setParameter(3, percent).executeUpdate();
    }

    /** Closes the application window a second ago. */
    @Transactional
    public void close(Edition edition) {
        Instant past = Instant.now().minusSeconds(1);
        em.createNativeQuery("""
                update edition set application_opens_at = least(application_opens_at, ?2),
                       application_closes_at = ?1, draw_at = ?1 where id = ?3""")
                .setParameter(1, past).setParameter(2, past.minusSeconds(3600)).setParameter(3, edition.id).executeUpdate();
    }

    /**
     * {@code n} applications straight into the database (no mail address: no mails), each with 1 to 5
     * distinct choices among {@code offers}, parties of 1 to 4.
     */
    @Transactional
    public void manyApplications(Edition edition, Long[] offers, int n, String run) {
        em.createNativeQuery("""
                insert into ballot_application (edition_id, holder_subject, holder_territory_id, party_size, draw_id,
                                                holder_username, holder_name, holder_postcode, holder_language)
                select ?1, 'sub-' || ?2 || '-' || g, t.id, 1 + g % 4, 'S' || g, ?2 || '-' || g, 'Scale ' || g, '62300', 'fr'
                from generate_series(1, ?3) g, territory t where t.code = 'FR-62'""")
                .setParameter(1, edition.id).setParameter(2, run).setParameter(3, n).executeUpdate();
        em.createNativeQuery("""
                insert into ballot_choice (application_id, edition_id, rank, offer_id)
                select a.id, a.edition_id, r, (cast(?2 as bigint[]))[1 + ((a.id * 7 + r * 13) % cardinality(cast(?2 as bigint[])))]
                from ballot_application a, generate_series(1, 5) r
                where a.edition_id = ?1 and r <= 1 + a.id % 5""")
                .setParameter(1, edition.id).setParameter(2, offers).executeUpdate();
    }

    public static Response apply(String token, long editionId, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().put("/api/editions/" + editionId + "/my-application");
    }

    public static Response apply(String token, long editionId, Map<String, ?> body, String key) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().put("/api/editions/" + editionId + "/my-application");
    }
}
