package org.solidarityfunds.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.solidarityfunds.access.FundScope;
import org.solidarityfunds.persistence.PageRequest;
import org.solidarityfunds.money.MoneyView;

/**
 * Reads the change feed. An event's position is taken when it is inserted, but concurrent
 * transactions commit in another order: a reader that passed position 12 would never see
 * position 11 committed a moment later. So the feed orders events by their transaction id,
 * then position, and shows only those of transactions older than every transaction still
 * running (below the xmin of the reading statement's snapshot). Every later commit has a
 * transaction id at or above that xmin, hence after any cursor handed out: a reader that
 * pages on never misses an event nor sees one twice. A transaction still running holds the
 * feed back until it ends (30 s at most, the transaction timeout).
 */
@ApplicationScoped
public class FeedService {

    private static final String PAGE = """
            SELECT e.position, e.tx::text, f.code, e.type, e.amount_minor, e.currency, e.entry_id,
                   e.reference_type, e.reference_id, e.occurred_at
              FROM ledger_event e JOIN fund f ON f.id = e.fund_id
             WHERE (e.tx, e.position) > (CAST(?1 AS xid8), ?2)
               AND e.tx < pg_snapshot_xmin(pg_current_snapshot())
               AND (CAST(?3 AS boolean) OR f.code = ANY(CAST(?4 AS varchar[])))
             ORDER BY e.tx, e.position
             LIMIT ?5
            """;

    private final EntityManager em;

    FeedService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public EventView.Page page(PageRequest page, FundScope scope) {
        Cursor after = page.after().map(Cursor::parse).orElse(Cursor.START);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(PAGE)
                .setParameter(1, Long.toUnsignedString(after.tx()))
                .setParameter(2, after.position())
                .setParameter(3, scope.codes().isEmpty())
                .setParameter(4, scope.codes().map(codes -> codes.toArray(String[]::new)).orElse(new String[0]))
                .setParameter(5, page.limit() + 1)
                .getResultList();
        boolean hasMore = rows.size() > page.limit();
        List<EventView> items = new ArrayList<>();
        Cursor last = after;
        for (Object[] row : rows.subList(0, Math.min(rows.size(), page.limit()))) {
            last = new Cursor(Long.parseUnsignedLong((String) row[1]), ((Number) row[0]).longValue());
            items.add(new EventView(last.encode(), (String) row[3], (String) row[2],
                    row[4] == null ? null : new MoneyView(((Number) row[4]).longValue(), (String) row[5]),
                    instant(row[9]), (UUID) row[6],
                    row[7] == null ? null : new EventView.ReferenceView((String) row[7], (UUID) row[8])));
        }
        return new EventView.Page(items, last.encode(), hasMore);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** Where a reader stands: after the event of this transaction and position. */
    record Cursor(long tx, long position) {

        static final Cursor START = new Cursor(0, 0);

        static Cursor parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw PageRequest.invalidCursor();
            }
            return new Cursor(PageRequest.number(text.substring(0, colon), Long.MAX_VALUE),
                    PageRequest.number(text.substring(colon + 1), Long.MAX_VALUE));
        }

        String encode() {
            return PageRequest.cursor(tx + ":" + position);
        }
    }
}
