package org.solidarityfunds.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How the FEC writes a zone, an amount and a day, without the database. */
class FecTextTest {

    @Test
    void iso_8859_15_has_exactly_the_characters_the_writer_keeps() {
        CharsetEncoder latin9 = FecFile.CHARSET.newEncoder();
        for (char c = 0; c < Character.MIN_SURROGATE; c++) {
            assertThat(FecFile.inLatin9(c)).as("U+%04X", (int) c).isEqualTo(latin9.canEncode(c));
        }
    }

    @Test
    void a_zone_keeps_latin_9_and_writes_the_rest_as_near_as_it_can() {
        assertThat(FecFile.text("Contribution of donor D000001")).isEqualTo("Contribution of donor D000001");
        assertThat(FecFile.text("Région Sud : œuvre à 20 €")).isEqualTo("Région Sud : œuvre à 20 €");
        assertThat(FecFile.text("Nguyễn Thị Đào “Lê” – Łódź")).isEqualTo("Nguyen Thi Dào \"Lê\" - Lódz");
        assertThat(FecFile.text("l’école\u202F: 50 ½ ¤ 北京")).isEqualTo("l'école : 50 ? ? ??");
        assertThat(FecFile.text(" a\tb|c\r\nd ")).isEqualTo("a b c  d");
        assertThat(FecFile.text(null)).isEmpty();
        // An accent typed as its letter and a combining mark is the accented letter.
        assertThat(FecFile.text("Re\u0301gion Nouvelle-Aquitaine")).isEqualTo("Région Nouvelle-Aquitaine");
        assertThat(FecFile.text("Nguye\u0302\u0303n")).isEqualTo("Nguyen");
    }

    @Test
    void amounts_have_their_currencys_decimals_and_a_comma() {
        assertThat(FecFile.amount(123_450, "EUR")).isEqualTo("1234,50");
        assertThat(FecFile.amount(5, "EUR")).isEqualTo("0,05");
        assertThat(FecFile.amount(100, "EUR")).isEqualTo("1,00");
        assertThat(FecFile.amount(1_635_000, "USD")).isEqualTo("16350,00");
        assertThat(FecFile.amount(65_596, "XOF")).isEqualTo("65596");
    }

    @Test
    void days_are_written_aaaammjj() {
        assertThat(FecFile.day(LocalDate.of(2020, 1, 5))).isEqualTo("20200105");
        assertThat(FecFile.day(LocalDate.of(2099, 12, 31))).isEqualTo("20991231");
    }
}
