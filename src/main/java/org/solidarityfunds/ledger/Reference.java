package org.solidarityfunds.ledger;

import java.util.Objects;
import java.util.UUID;

/** The business record an event is about: a pledge, a contribution or a disbursement, by id. */
public record Reference(String type, UUID id) {

    public static final String PLEDGE = "pledge";
    public static final String CONTRIBUTION = "contribution";
    public static final String DISBURSEMENT = "disbursement";

    public Reference {
        Objects.requireNonNull(type);
        Objects.requireNonNull(id);
    }

    public static Reference pledge(UUID id) {
        return new Reference(PLEDGE, id);
    }

    public static Reference contribution(UUID id) {
        return new Reference(CONTRIBUTION, id);
    }

    public static Reference disbursement(UUID id) {
        return new Reference(DISBURSEMENT, id);
    }
}
