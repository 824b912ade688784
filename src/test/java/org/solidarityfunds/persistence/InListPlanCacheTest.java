package org.solidarityfunds.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.LongStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link InList} is for: a query of a list that Hibernate translates once and keeps in
 * its plan cache, whatever the list's length, where a list parameter is translated again on
 * every call (and a plain {@code in (?1)} is taken for one).
 */
@QuarkusTest
class InListPlanCacheTest {

    @Inject
    EntityManager em;

    /** A query Hibernate keeps is found twice in its caches: its parsed form, then its translation to SQL. */
    private static final int HITS_OF_A_KEPT_QUERY = 2;

    private Statistics statistics;

    @BeforeEach
    void countPlans() {
        statistics = em.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 20, 300})
    void a_query_of_a_list_is_found_in_the_plan_cache_from_its_second_call(int size) {
        List<Long> ids = LongStream.rangeClosed(1, size).boxed().toList();
        read(ids);
        long hits = statistics.getQueryPlanCacheHitCount();

        read(ids);

        assertThat(statistics.getQueryPlanCacheHitCount() - hits).as("plan cache hits of the second call")
                .isEqualTo(HITS_OF_A_KEPT_QUERY * InList.chunks("id", ids).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.id in ?1", "f.id in (?1)"})
    void whereas_a_list_parameter_is_translated_again_on_every_call(String condition) {
        List<Long> ids = List.of(1L, 2L, 3L);
        Runnable read = () -> QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("select f.code from Fund f where " + condition, String.class)
                .setParameter(1, ids).getResultList());
        read.run();
        long hits = statistics.getQueryPlanCacheHitCount();

        read.run();

        assertThat(statistics.getQueryPlanCacheHitCount() - hits).as("only its parsed form is kept").isEqualTo(1);
    }

    private void read(List<Long> ids) {
        QuarkusTransaction.requiringNew().run(() -> InList.chunks("f.id", ids).forEach(in -> {
            var query = em.createQuery("select f.code from Fund f where " + in.condition(), String.class);
            for (int i = 0; i < in.parameters().length; i++) {
                query.setParameter(i + 1, in.parameters()[i]);
            }
            query.getResultList();
        }));
    }
}
