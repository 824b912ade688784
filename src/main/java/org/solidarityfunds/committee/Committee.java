package org.solidarityfunds.committee;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fund's committee as one of its versions set it: who sits on it and when, the quorum,
 * the majority rule and, optionally, the member who may decide alone below an amount.
 */
public record Committee(long fundId, int version, int quorum, MajorityRule majority, Optional<Delegate> delegate,
        List<Seat> seats) {

    public Committee {
        Objects.requireNonNull(majority);
        Objects.requireNonNull(delegate);
        seats = List.copyOf(seats);
        if (quorum < 1 || quorum > seats.size()) {
            throw new IllegalArgumentException("a quorum of " + quorum + " for " + seats.size() + " seats");
        }
    }

    /** A member who decides alone on requests of less than {@code belowMinor}. */
    public record Delegate(String subject, long belowMinor) {
    }

    public record Seat(String subject, String name, LocalDate validFrom, LocalDate validUntil) {
        public boolean heldOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
        }
    }

    /** Whether this subject holds a seat on that day. */
    public boolean seats(String subject, LocalDate day) {
        return seats.stream().anyMatch(seat -> seat.subject().equals(subject) && seat.heldOn(day));
    }

    /** Who may vote on a request on that day: the members holding a seat, but never the requester. */
    public Set<String> votersOn(LocalDate day, String requester) {
        return seats.stream().filter(seat -> seat.heldOn(day) && !seat.subject().equals(requester))
                .map(Seat::subject).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this vote is the delegate's, on a request small enough for the delegate alone. */
    public boolean delegates(String voter, long amountMinor) {
        return delegate.filter(d -> d.subject().equals(voter) && amountMinor < d.belowMinor()).isPresent();
    }

    static Committee of(CommitteeVersion version, List<CommitteeMember> members) {
        return new Committee(version.fundId, version.version, version.quorum, version.majority,
                Optional.ofNullable(version.delegateSubject).map(s -> new Delegate(s, version.delegateLimitMinor)),
                members.stream().map(m -> new Seat(m.subject, m.name, m.validFrom, m.validUntil)).toList());
    }
}
