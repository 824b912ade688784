package org.solidarityfunds.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.solidarityfunds.common.Clocks;
import org.solidarityfunds.money.Money;
import org.solidarityfunds.money.MoneyView;
/**
 * Amounts and dates as a reader of the page's language writes them: {@code 1 500,00 €} and
 * {@code 5 déc. 2026} in French, {@code €1,500.00} and {@code 5 Dec 2026} in English. Instants
 * are shown in the funds' business zone, Europe/Paris, whatever the browser's.
 */
public final class Formats {

    private static final ZoneId ZONE = Clocks.BUSINESS_ZONE;

    private final Language language;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter month;
    /**
     * Made once per currency and page: a fund page formats hundreds of amounts, and making a
     * NumberFormat is not cheap. Not thread-safe, nor is this class: one per request (Screen).
     */
    private final Map<Currency, NumberFormat> moneyFormats = new HashMap<>();

    public Formats(Language language) {
        this.language = language;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.formats());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.formats()).withZone(ZONE);
        this.month = DateTimeFormatter.ofPattern("LLLL yyyy", language.formats());
    }

    public String money(Money amount) {
        return moneyFormats.computeIfAbsent(amount.currency(), this::moneyFormat).format(amount.toDecimal());
    }

    private NumberFormat moneyFormat(Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.formats());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format;
    }

    public String money(long amountMinor, String currency) {
        return money(Money.of(amountMinor, currency));
    }

    public String money(MoneyView amount) {
        return money(Money.of(amount.amountMinor(), amount.currency()));
    }

    /** An amount that may be below zero (a bank balance, a difference), with its sign: −24,12 €. */
    public String signed(org.solidarityfunds.money.SignedMoneyView amount) {
        String absolute = money(Math.abs(amount.amountMinor()), amount.currency());
        return amount.amountMinor() < 0 ? "\u2212" + absolute : absolute;
    }

    /** The amount in major units, dot-separated, for a script or a form field: 1500.00. */
    public String plain(MoneyView amount) {
        return Money.of(amount.amountMinor(), amount.currency()).toDecimal().toPlainString();
    }

    public String date(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** The month an instant falls in, in the business zone: décembre 2026, December 2026. */
    public String month(Instant instant) {
        return month.format(YearMonth.from(instant.atZone(ZONE)));
    }

    /** The month as a machine reads it, 2026-12, for a script or a time element. */
    public String isoMonth(Instant instant) {
        return YearMonth.from(instant.atZone(ZONE)).toString();
    }

    /**
     * An amount as a reader types it, in minor units: {@code 1 500,50} or {@code 1500.50} in
     * French, {@code 1,500.50} in English; spaces are ignored, and no more decimals than the
     * currency has. Empty when it is not one.
     */
    public java.util.Optional<Long> amountMinor(String typed, Currency currency) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String text = typed.replaceAll("[\\s\\u00a0\\u202f]", "");
        text = language == Language.FR ? text.replace(',', '.') : text.replace(",", "");
        if (!text.matches("[0-9]{1,16}(\\.[0-9]{1,6})?")) {
            return java.util.Optional.empty();
        }
        java.math.BigDecimal amount = new java.math.BigDecimal(text);
        if (amount.scale() > currency.getDefaultFractionDigits()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact());
        } catch (ArithmeticException tooLarge) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A day as a reader types it: {@code 02/10/2020} (day first, in both languages: the English
     * is British), or {@code 2020-10-02}. Empty when it is not a day of the calendar.
     */
    public java.util.Optional<LocalDate> day(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher dayFirst = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})")
                .matcher(typed.strip());
        try {
            if (dayFirst.matches()) {
                return java.util.Optional.of(LocalDate.of(Integer.parseInt(dayFirst.group(3)),
                        Integer.parseInt(dayFirst.group(2)), Integer.parseInt(dayFirst.group(1))));
            }
            return typed.strip().matches("\\d{4}-\\d{2}-\\d{2}")
                    ? java.util.Optional.of(LocalDate.parse(typed.strip())) : java.util.Optional.empty();
        } catch (java.time.DateTimeException notADay) {
            return java.util.Optional.empty();
        }
    }

    /** A day as a reader types it back into a field: 02/10/2020. */
    public String typed(LocalDate day) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
    }

    /** A decimal as a reader types it ({@code 0,9174} in French, {@code 0.9174} in English); empty when it is not one. */
    public java.util.Optional<java.math.BigDecimal> decimal(String typed) {
        if (typed == null) {
            return java.util.Optional.empty();
        }
        String text = typed.replaceAll("[\\s\\u00a0\\u202f]", "");
        text = language == Language.FR ? text.replace(',', '.') : text.replace(",", "");
        return text.matches("[0-9]{1,12}(\\.[0-9]{1,12})?") ? java.util.Optional.of(new java.math.BigDecimal(text))
                : java.util.Optional.empty();
    }

    /** An amount in minor units as a reader would type it back into a field: 1500,00 in French. */
    public String typed(long amountMinor, Currency currency) {
        String plain = Money.of(amountMinor, currency.getCurrencyCode()).toDecimal().toPlainString();
        return language == Language.FR ? plain.replace('.', ',') : plain;
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(language.formats()).format(value);
    }

    /** An int, as a long (templates call by the argument's own type: a document's size in bytes). */
    public String number(int value) {
        return number((long) value);
    }
}
