package org.solidarityfunds.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MadeOnceTest {

    @Test
    void the_backdrop_is_made_by_the_first_call_and_returned_to_every_later_one() {
        MadeOnce<String> history = new MadeOnce<>("the history");
        AtomicInteger made = new AtomicInteger();

        String first = history.get(() -> "history " + made.incrementAndGet());
        String second = history.get(() -> "history " + made.incrementAndGet());

        assertThat(first).isEqualTo("history 1");
        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void a_failure_to_make_it_fails_the_first_call_with_its_cause_and_every_later_one_without_trying_again() {
        MadeOnce<Void> history = new MadeOnce<>("the history");
        AtomicInteger tries = new AtomicInteger();
        IllegalStateException cause = new IllegalStateException("the fund could not be opened");
        Runnable failing = () -> {
            tries.incrementAndGet();
            throw cause;
        };

        assertThatThrownBy(() -> history.make(failing)).isSameAs(cause);
        assertThatThrownBy(() -> history.make(failing)).isInstanceOf(AssertionError.class)
                .hasMessage("the history could not be made").hasCause(cause);
        assertThatThrownBy(() -> history.make(() -> tries.incrementAndGet()))
                .isInstanceOf(AssertionError.class).hasCause(cause);
        assertThat(tries).hasValue(1);
    }

    @Test
    void an_assertion_that_fails_while_making_it_is_remembered_too() {
        MadeOnce<Void> history = new MadeOnce<>("the backdrop");
        AssertionError refused = new AssertionError("expected 201, got 409");

        assertThatThrownBy(() -> history.make(() -> {
            throw refused;
        })).isSameAs(refused);
        assertThatThrownBy(() -> history.make(() -> { })).hasMessage("the backdrop could not be made").hasCause(refused);
    }
}
