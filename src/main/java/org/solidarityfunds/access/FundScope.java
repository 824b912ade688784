package org.solidarityfunds.access;

import java.util.Optional;
import java.util.Set;

/** The funds a caller may see: all of them, or the ones its token lists. */
public record FundScope(Optional<Set<String>> codes) {

    public FundScope {
        codes = codes.map(Set::copyOf);
    }

    public static FundScope all() {
        return new FundScope(Optional.empty());
    }

    public static FundScope only(Set<String> codes) {
        return new FundScope(Optional.of(codes));
    }

    public boolean includes(String fundCode) {
        return codes.map(c -> c.contains(fundCode)).orElse(true);
    }
}
