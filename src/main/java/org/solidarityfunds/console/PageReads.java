package org.solidarityfunds.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * The reads of one console page, in one read-only transaction. A page reads from several
 * services, each of which would otherwise begin, flush and commit a transaction of its own
 * (nine for a fund's page); joined, they share one connection and one persistence context,
 * which keeps no copy of what it loads to check for changes, and flushes nothing. For pages
 * only: a write inside would not be flushed.
 */
@ApplicationScoped
public class PageReads {

    private final Session session;

    PageReads(Session session) {
        this.session = session;
    }

    @Transactional
    public <T> T of(Supplier<T> reads) {
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        return reads.get();
    }
}
