package org.solidarityfunds.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.solidarityfunds.contribution.ContributionView;
import org.solidarityfunds.disbursement.DisbursementStatus;
import org.solidarityfunds.ledger.EntryKind;
import org.solidarityfunds.pledge.PledgeStatus;

/**
 * The console's words as Java writes them into a page's rows: a status or an entry kind in
 * each language, as the message bundle gives them, kept once taken. In a template, {@code {msg:entryKind(kind)}} renders a small
 * template of its own on every call (the bundle's choice among the constants); the lists of a
 * fund's page have dozens of rows, and so as many renderings per page
 * (docs/operating/performance.md, "The console"). The words themselves stay in the bundle.
 */
@ApplicationScoped
public class Labels {

    private final Map<Language, Words> kept = new ConcurrentHashMap<>();

    /** The words of one language. */
    public Words in(Language language) {
        return kept.computeIfAbsent(language, l -> new Words(MessageBundles.get(ConsoleMessages.class,
                Localized.Literal.of(l.code()))));
    }

    /** A language's words, each taken from its bundle at its first use. */
    public static final class Words {

        private final ConsoleMessages messages;
        private final Map<Enum<?>, String> taken = new ConcurrentHashMap<>();

        Words(ConsoleMessages messages) {
            this.messages = messages;
        }

        public String of(ContributionView.Status status) {
            return taken.computeIfAbsent(status, s -> messages.contributionStatus(status));
        }

        public String of(EntryKind kind) {
            return taken.computeIfAbsent(kind, k -> messages.entryKind(kind));
        }

        public String of(DisbursementStatus status) {
            return taken.computeIfAbsent(status, s -> messages.disbursementStatus(status));
        }

        public String of(PledgeStatus status) {
            return taken.computeIfAbsent(status, s -> messages.pledgeStatus(status));
        }

        /** A pledge's instalment in a line: the bundle's words around its figures, which no one keeps. */
        public String instalmentLine(int number, String amount, String due, String received) {
            return messages.instalment_line(number, amount, due, received);
        }

        /** "requested by ... on ...": the bundle's words around a name and an instant, which no one keeps. */
        public String requestedBy(String who, String when) {
            return messages.requested_by(who, when);
        }
    }
}
