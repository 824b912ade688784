package org.solidarityfunds.dev;

import java.util.Arrays;
import java.util.Optional;
import org.solidarityfunds.access.Roles;

/**
 * DEV AND TEST ONLY. The accounts the dev sign-in page offers: finance, the four members of
 * the Dondo committee ({@link DemoData}), an auditor and an administrator. No partner: the
 * console is not for partner systems.
 */
public enum DemoUser {

    FINANCE("finance", Roles.FINANCE),
    LYON("lyon", Roles.COMMITTEE),
    NANTES("nantes", Roles.COMMITTEE),
    RENNES("rennes", Roles.COMMITTEE),
    GRENOBLE("grenoble", Roles.COMMITTEE),
    AUDITOR("auditor", Roles.AUDITOR),
    ADMIN("admin", Roles.ADMIN);

    private final String subject;
    private final String role;

    DemoUser(String subject, String role) {
        this.subject = subject;
        this.role = role;
    }

    public String subject() {
        return subject;
    }

    public String role() {
        return role;
    }

    static Optional<DemoUser> withSubject(String subject) {
        return Arrays.stream(values()).filter(user -> user.subject.equals(subject)).findFirst();
    }
}
