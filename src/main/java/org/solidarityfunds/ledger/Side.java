package org.solidarityfunds.ledger;

/** Debit or credit; stored as {@code D} or {@code C}. */
public enum Side {
    DEBIT("D"),
    CREDIT("C");

    private final String code;

    Side(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Side opposite() {
        return this == DEBIT ? CREDIT : DEBIT;
    }

    public static Side ofCode(String code) {
        return switch (code) {
            case "D" -> DEBIT;
            case "C" -> CREDIT;
            default -> throw new IllegalArgumentException("not a side: " + code);
        };
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class Converter implements jakarta.persistence.AttributeConverter<Side, String> {
        @Override
        public String convertToDatabaseColumn(Side side) {
            return side == null ? null : side.code;
        }

        @Override
        public Side convertToEntityAttribute(String code) {
            return code == null ? null : ofCode(code);
        }
    }
}
