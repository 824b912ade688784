package org.solidarityfunds.donor;

/** Who gives: the kinds of French public bodies and others that contribute to the funds. */
public enum DonorKind {
    COMMUNE,
    DEPARTEMENT,
    REGION,
    /** Établissement public de coopération intercommunale. */
    EPCI,
    INSTITUTION,
    ASSOCIATION,
    /** A natural person: has no SIREN, and their name and contact are personal data. */
    PERSON
}
