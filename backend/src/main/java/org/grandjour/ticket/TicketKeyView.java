package org.grandjour.ticket;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A public key that verifies the signature of QR tickets offline")
public record TicketKeyView(
        @Schema(required = true, description = "Key id, as in the payload GJ1.<kid>.<claims>.<signature>") String kid,
        @Schema(required = true, examples = "Ed25519") String algorithm,
        @Schema(required = true, description = "Raw 32-byte Ed25519 public key, base64url (WebCrypto importKey 'raw')") String publicKey,
        @Schema(required = true, description = "The same key as X.509 SubjectPublicKeyInfo, base64 (DER)") String publicKeySpki,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "Set once the key no longer signs new tickets; it still verifies old ones") Instant retiredAt) {
}
